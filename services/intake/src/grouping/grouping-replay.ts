import { createHash } from 'node:crypto';
import { decideGrouping, type MatterPetition } from './grouping-decision';
import type { GroupingPolicy } from './grouping-policy';

export interface ReplayedGroup {
  readonly groupId: string;
  readonly leadPetitionId: string;
  /** In join order. */
  readonly members: readonly string[];
}

export interface ReplayResult {
  readonly groups: readonly ReplayedGroup[];
  /** Petitions that ended in no group. */
  readonly alone: readonly string[];
}

/**
 * Runs the grouping decision over petitions in the order their assignments arrive, as intake would (in memory, no
 * resolutions, no splits): for calibrating the policy and for tests of how the order changes the outcome.
 */
export function replayGrouping(
  petitions: readonly MatterPetition[],
  policy: GroupingPolicy,
  options: { needsSharedPlace?: boolean; now?: Date } = {},
): ReplayResult {
  const byId = new Map<string, MatterPetition>();
  const groups: { groupId: string; leadPetitionId: string; members: string[] }[] = [];
  let alone: string[] = [];
  let opened = 0;
  for (const petition of petitions) {
    byId.set(petition.petitionId, petition);
    const decision = decideGrouping(
      {
        petition,
        needsSharedPlace: options.needsSharedPlace ?? false,
        groups: groups.map((group) => ({
          groupId: group.groupId,
          scope: petition.scope,
          category: petition.category,
          closed: false,
          splitPetitionIds: [],
          members: group.members.flatMap((id) => byId.get(id) ?? []),
        })),
        loners: alone.flatMap((id) => byId.get(id) ?? []),
      },
      policy,
      options.now ?? petition.receivedAt,
    );
    if (decision.kind === 'alone') {
      alone.push(petition.petitionId);
      continue;
    }
    const joined = decision.joiners.map((joiner) => joiner.petitionId);
    alone = alone.filter((id) => !joined.includes(id));
    if (decision.kind === 'open') {
      groups.push({ groupId: `group-${++opened}`, leadPetitionId: decision.leadPetitionId, members: joined });
      continue;
    }
    const group = groups.find((candidate) => candidate.groupId === decision.groupId);
    if (!group) throw new Error(`the decision named an unknown group ${decision.groupId}`);
    for (const absorbedId of decision.absorbedGroupIds) {
      const index = groups.findIndex((candidate) => candidate.groupId === absorbedId);
      if (index < 0) throw new Error(`the decision merged an unknown group ${absorbedId}`);
      group.members.push(...(groups[index]?.members ?? []));
      groups.splice(index, 1);
    }
    group.members.push(...joined);
  }
  return { groups, alone };
}

/**
 * The petitions in the n-th of many arrival orders: sorted by a hash of n and the petition id, so the orders look
 * random and are the same on every run. Assignments reach intake from twelve partitions in any order.
 */
export function arrivalOrder<T extends { readonly petitionId: string }>(petitions: readonly T[], n: number): T[] {
  const rank = (petition: T): number =>
    createHash('sha256').update(`${n}:${petition.petitionId}`).digest().readUInt32BE(0);
  return [...petitions].sort((a, b) => rank(a) - rank(b));
}
