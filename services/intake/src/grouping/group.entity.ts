import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A group of petitions about one matter (同一诉求多人反映): same scope (unit, or town and road), same category,
 * similar text, near in time. Each member stays a petition of its own, with its own tracking code.
 */
@Entity({ name: 'petition_groups' })
@Index('petition_groups_matter_idx', ['scope', 'category', 'lastReceivedAt'])
export class PetitionGroupEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** `unit:<code>` or `town:<code>` (MatterScope.key). */
  @Column('text')
  scope!: string;

  @Column('text')
  category!: string;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('text', { nullable: true })
  town!: string | null;

  /** The petition the matter is handled under: the earliest received founder, then the next member to join. */
  @Column('uuid', { name: 'lead_petition_id' })
  leadPetitionId!: string;

  @Column('integer', { name: 'member_count' })
  memberCount!: number;

  /** The members' earliest and latest reception: the group's window reaches `window` beyond either. */
  @Column('timestamptz', { name: 'first_received_at' })
  firstReceivedAt!: Date;

  @Column('timestamptz', { name: 'last_received_at' })
  lastReceivedAt!: Date;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  /** Set when a report bridged this group and an older one of the same matter: its members moved there. */
  @Column('uuid', { name: 'merged_into_group_id', nullable: true })
  mergedIntoGroupId!: string | null;
}

/**
 * Every assigned petition grouping has looked at (once: a later reassignment does not regroup it), with its group
 * once it has one. The lone ones are the candidates a later petition may found a group with.
 */
@Entity({ name: 'matter_petitions' })
@Index('matter_petitions_candidates_idx', ['scope', 'category', 'receivedAt'])
@Index('matter_petitions_group_idx', ['groupId', 'ordinal'])
export class MatterPetitionEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text')
  scope!: string;

  @Column('text')
  category!: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('uuid', { name: 'group_id', nullable: true })
  groupId!: string | null;

  /** Join order within the group (1 for the founding lead): the next lead when the lead is split out. */
  @Column('integer', { nullable: true })
  ordinal!: number | null;

  /** Its text similarity to the group when it joined. */
  @Column('double precision', { nullable: true })
  similarity!: number | null;

  @Column('timestamptz', { name: 'joined_at', nullable: true })
  joinedAt!: Date | null;
}

/** An operator split a petition out of a group: kept, so that it never rejoins that group by itself. */
@Entity({ name: 'group_splits' })
export class GroupSplitEntity {
  @PrimaryColumn('uuid', { name: 'group_id' })
  groupId!: string;

  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'operator_id' })
  operatorId!: string;

  @Column('timestamptz', { name: 'split_at' })
  splitAt!: Date;
}
