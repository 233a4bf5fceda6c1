import { Injectable } from '@nestjs/common';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import { In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { PetitionEntity } from '../petitions/petition.entity';
import { PetitionStatusEntity } from '../tracking/tracking.entity';
import { GroupSplitEntity, MatterPetitionEntity, PetitionGroupEntity } from './group.entity';
import type { CandidateGroup, Joiner, MatterPetition } from './grouping-decision';

/** What grouping reads of a petition: its text, its place and when it came; never the reporter. */
export type PetitionToGroup = Pick<PetitionEntity, 'id' | 'text' | 'address' | 'unit' | 'grid' | 'town' | 'receivedAt'>;

/** Where in a scope and category to look, and when: the new petition's reception ± the window. */
export interface CandidateQuery {
  scope: string;
  category: string;
  from: Date;
  to: Date;
  excluding: string;
}

/** A member as an operator sees it (GET /admin/groups/{groupId}). */
export interface GroupMemberRow {
  petitionId: string;
  trackingCode: string;
  text: string;
  receivedAt: Date;
  ordinal: number;
  similarity: number;
  joinedAt: Date;
}

interface MemberRaw extends MatterPetition {
  groupId: string;
  resolved: boolean;
}

/** A group too large to compare each member with is still compared with this many of its latest members. */
const MEMBERS_COMPARED = 200;
/** Lone petitions looked at per new petition (in one scope, category and window). */
const LONERS_COMPARED = 200;

@Injectable()
export class GroupRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  petitionToGroup(petitionId: string): Promise<PetitionToGroup | null> {
    return this.unitOfWork.reader().findOne(PetitionEntity, {
      select: { id: true, text: true, address: true, unit: true, grid: true, town: true, receivedAt: true },
      where: { id: petitionId },
    });
  }

  /** Records that grouping looks at this petition; false when it has already (a redelivery or a reassignment). */
  async startConsidering(row: MatterPetitionEntity): Promise<boolean> {
    const result = await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(MatterPetitionEntity)
      .values(row)
      .orIgnore()
      .returning('petition_id')
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /**
   * Considered petitions with what the decision compares (text, address) and whether they are resolved: the one
   * query behind both lone petitions and group members.
   */
  private matterPetitions(): SelectQueryBuilder<MatterPetitionEntity> {
    return this.unitOfWork
      .reader()
      .createQueryBuilder(MatterPetitionEntity, 'm')
      .innerJoin(PetitionEntity, 'p', 'p.id = m.petitionId')
      .leftJoin(PetitionStatusEntity, 's', 's.petitionId = m.petitionId')
      .select('m.petitionId', 'petitionId')
      .addSelect('m.scope', 'scope')
      .addSelect('m.category', 'category')
      .addSelect('m.receivedAt', 'receivedAt')
      .addSelect('m.groupId', 'groupId')
      .addSelect('p.text', 'text')
      .addSelect('p.address', 'address')
      .addSelect('s.resolvedAt IS NOT NULL', 'resolved');
  }

  /** Ungrouped petitions of the scope and category received in the period, not resolved yet. */
  loners(query: CandidateQuery): Promise<MatterPetition[]> {
    return this.matterPetitions()
      .where('m.scope = :scope AND m.category = :category AND m.groupId IS NULL', query)
      .andWhere('m.petitionId <> :excluding AND m.receivedAt BETWEEN :from AND :to', query)
      .andWhere('s.resolvedAt IS NULL')
      .orderBy('m.receivedAt', 'DESC')
      .limit(LONERS_COMPARED)
      .getRawMany<MatterPetition>();
  }

  /** Groups of the scope and category whose members' receptions overlap the period, with members and splits. */
  async candidateGroups(query: CandidateQuery): Promise<CandidateGroup[]> {
    const groups = await this.unitOfWork
      .reader()
      .createQueryBuilder(PetitionGroupEntity, 'g')
      .where('g.scope = :scope AND g.category = :category AND g.mergedIntoGroupId IS NULL', query)
      .andWhere('g.firstReceivedAt <= :to AND g.lastReceivedAt >= :from', query)
      .getMany();
    if (groups.length === 0) return [];
    const ids = groups.map((group) => group.id);
    const members = await this.membersOf(ids);
    const splits = await this.splitsOf(ids);
    return groups.map((group) => {
      const own = members.filter((member) => member.groupId === group.id);
      return {
        groupId: group.id,
        scope: group.scope,
        category: group.category,
        closed: own.some((member) => member.resolved),
        splitPetitionIds: splits.filter((split) => split.groupId === group.id).map((split) => split.petitionId),
        members: own.slice(-MEMBERS_COMPARED),
      };
    });
  }

  private membersOf(groupIds: readonly string[]): Promise<MemberRaw[]> {
    return this.matterPetitions()
      .where('m.groupId IN (:...groupIds)', { groupIds })
      .orderBy('m.ordinal', 'ASC')
      .getRawMany<MemberRaw>();
  }

  private splitsOf(groupIds: readonly string[]): Promise<GroupSplitEntity[]> {
    return this.unitOfWork.reader().find(GroupSplitEntity, { where: { groupId: In([...groupIds]) } });
  }

  async createGroup(group: PetitionGroupEntity): Promise<void> {
    await this.unitOfWork.transactional().insert(PetitionGroupEntity, group);
  }

  /** Puts the joiners in the group after its last member, in their order. */
  async addMembers(groupId: string, joiners: readonly Joiner[], joinedAt: Date): Promise<void> {
    const manager = this.unitOfWork.transactional();
    const table = qualifiedTable(manager, MatterPetitionEntity);
    const [{ last }] = await manager.query<[{ last: number }]>(
      `SELECT COALESCE(MAX(ordinal), 0)::int AS last FROM ${table} WHERE group_id = $1`,
      [groupId],
    );
    for (const [index, joiner] of joiners.entries()) {
      await manager.update(
        MatterPetitionEntity,
        { petitionId: joiner.petitionId, groupId: IsNull() },
        { groupId, ordinal: last + index + 1, similarity: joiner.similarity, joinedAt },
      );
    }
  }

  /**
   * Moves the members of the absorbed groups into the survivor, after its own, in the absorbed groups' order, and
   * their split records with them (what an operator kept out of a part stays out of the whole); marks the absorbed
   * groups merged. Returns the moved members in their new order, with the similarity they joined with.
   */
  async absorb(survivorId: string, absorbedIds: readonly string[]): Promise<Joiner[]> {
    if (absorbedIds.length === 0) return [];
    const manager = this.unitOfWork.transactional();
    const members = qualifiedTable(manager, MatterPetitionEntity);
    const splits = qualifiedTable(manager, GroupSplitEntity);
    const groups = qualifiedTable(manager, PetitionGroupEntity);
    // An UPDATE answers [rows, row count] through TypeORM.
    const [moved] = await manager.query<[{ petitionId: string; similarity: number; ordinal: number }[], number]>(
      `WITH base AS (SELECT COALESCE(MAX(ordinal), 0) AS last FROM ${members} WHERE group_id = $1),
       ranked AS (SELECT petition_id, row_number() OVER (ORDER BY array_position($2::uuid[], group_id), ordinal) AS n
                  FROM ${members} WHERE group_id = ANY($2::uuid[]))
       UPDATE ${members} m SET group_id = $1, ordinal = base.last + ranked.n
       FROM ranked, base WHERE m.petition_id = ranked.petition_id
       RETURNING m.petition_id AS "petitionId", m.similarity, m.ordinal`,
      [survivorId, absorbedIds],
    );
    await manager.query(
      `INSERT INTO ${splits} (group_id, petition_id, reason, operator_id, split_at)
       SELECT $1, petition_id, reason, operator_id, split_at FROM ${splits} WHERE group_id = ANY($2::uuid[])
       ON CONFLICT DO NOTHING`,
      [survivorId, absorbedIds],
    );
    await manager.query(`UPDATE ${groups} SET merged_into_group_id = $1, member_count = 0 WHERE id = ANY($2::uuid[])`, [
      survivorId,
      absorbedIds,
    ]);
    return moved
      .sort((a, b) => a.ordinal - b.ordinal)
      .map(({ petitionId, similarity }) => ({ petitionId, similarity }));
  }

  /** Recounts the members and their reception span after a change, sets the lead; returns the group. */
  async refreshGroup(groupId: string, leadPetitionId: string): Promise<PetitionGroupEntity> {
    const manager = this.unitOfWork.transactional();
    const groups = qualifiedTable(manager, PetitionGroupEntity);
    const members = qualifiedTable(manager, MatterPetitionEntity);
    await manager.query(
      `UPDATE ${groups} g SET lead_petition_id = $2, member_count = m.count, first_received_at = m.first,
         last_received_at = m.last
       FROM (SELECT count(*)::int AS count, min(received_at) AS first, max(received_at) AS last
             FROM ${members} WHERE group_id = $1) m
       WHERE g.id = $1`,
      [groupId, leadPetitionId],
    );
    return manager.findOneByOrFail(PetitionGroupEntity, { id: groupId });
  }

  findGroup(groupId: string): Promise<PetitionGroupEntity | null> {
    return this.unitOfWork.reader().findOne(PetitionGroupEntity, { where: { id: groupId } });
  }

  /** The group's members in join order, with what an operator needs to judge whether they belong. */
  async members(groupId: string): Promise<GroupMemberRow[]> {
    return this.unitOfWork
      .reader()
      .createQueryBuilder(MatterPetitionEntity, 'm')
      .innerJoin(PetitionEntity, 'p', 'p.id = m.petitionId')
      .select('m.petitionId', 'petitionId')
      .addSelect('p.trackingCode', 'trackingCode')
      .addSelect('p.text', 'text')
      .addSelect('m.receivedAt', 'receivedAt')
      .addSelect('m.ordinal', 'ordinal')
      .addSelect('m.similarity', 'similarity')
      .addSelect('m.joinedAt', 'joinedAt')
      .where('m.groupId = :groupId', { groupId })
      .orderBy('m.ordinal', 'ASC')
      .getRawMany<GroupMemberRow>();
  }

  splits(groupId: string): Promise<GroupSplitEntity[]> {
    return this.unitOfWork.reader().find(GroupSplitEntity, { where: { groupId }, order: { splitAt: 'ASC' } });
  }

  hasSplit(groupId: string, petitionId: string): Promise<boolean> {
    return this.unitOfWork.reader().exists(GroupSplitEntity, { where: { groupId, petitionId } });
  }

  /** Takes the petition out of its group and records why, in one go. */
  async split(record: GroupSplitEntity): Promise<void> {
    const manager = this.unitOfWork.transactional();
    await manager.update(
      MatterPetitionEntity,
      { petitionId: record.petitionId, groupId: record.groupId },
      { groupId: null, ordinal: null, similarity: null, joinedAt: null },
    );
    await manager.insert(GroupSplitEntity, record);
  }

  /**
   * The other petitions in this petition's group, in join order; empty when it is in none. The seam for telling
   * every reporter of a matter about its progress: an update on one member goes to its fellows' reporters too.
   */
  async fellowMembersOf(petitionId: string): Promise<string[]> {
    const rows = await this.unitOfWork
      .reader()
      .createQueryBuilder(MatterPetitionEntity, 'm')
      .innerJoin(MatterPetitionEntity, 'self', 'self.groupId = m.groupId')
      .select('m.petitionId', 'petitionId')
      .where('self.petitionId = :petitionId AND m.petitionId <> :petitionId', { petitionId })
      .orderBy('m.ordinal', 'ASC')
      .getRawMany<{ petitionId: string }>();
    return rows.map((row) => row.petitionId);
  }

  /** How many petitions share this petition's group (itself included), or null when it is in none. */
  async groupSizeOf(petitionId: string): Promise<number | null> {
    const row = await this.unitOfWork
      .reader()
      .createQueryBuilder(MatterPetitionEntity, 'm')
      .innerJoin(PetitionGroupEntity, 'g', 'g.id = m.groupId')
      .select('g.memberCount', 'memberCount')
      .where('m.petitionId = :petitionId', { petitionId })
      .getRawOne<{ memberCount: number }>();
    return row ? row.memberCount : null;
  }
}
