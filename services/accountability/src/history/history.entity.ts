import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One event of a petition's history, from any topic, as accountability received it. */
@Entity({ name: 'history_events' })
@Index('history_events_petition_idx', ['petitionId', 'occurredAt'])
export class HistoryEventEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text', { name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column('jsonb')
  payload!: object;
}

/** The facts about a petition gathered from its history, and whether it has been reviewed. */
@Entity({ name: 'petition_files' })
export class PetitionFileEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('timestamptz', { name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Column('text', { nullable: true })
  town!: string | null;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('text', { name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column('text', { nullable: true })
  category!: string | null;

  @Column('text', { nullable: true })
  complexity!: string | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('boolean', { name: 'within_deadline', nullable: true })
  withinDeadline!: boolean | null;

  @Column('boolean', { default: false })
  breached!: boolean;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;
}
