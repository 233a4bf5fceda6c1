/** A member of a group in the order it joined (the lead first, unless a lead has been split out since). */
export interface GroupMember {
  readonly petitionId: string;
  readonly ordinal: number;
}

export type SplitOutcome =
  | { readonly ok: true; readonly leadPetitionId: string; readonly memberCount: number }
  | { readonly ok: false; readonly problem: 'not-a-member' | 'last-member' };

/**
 * The group after an operator splits `petitionId` out of it: one member fewer, and a new lead when the lead left
 * (the member that joined next, by join order). A group keeps at least one member: the last one cannot be split
 * out (the group would be empty), and it needs no splitting to stand alone.
 */
export function splitOutcome(
  group: { readonly leadPetitionId: string; readonly members: readonly GroupMember[] },
  petitionId: string,
): SplitOutcome {
  if (!group.members.some((member) => member.petitionId === petitionId)) return { ok: false, problem: 'not-a-member' };
  const remaining = group.members
    .filter((member) => member.petitionId !== petitionId)
    .sort((a, b) => a.ordinal - b.ordinal);
  const next = remaining[0];
  if (!next) return { ok: false, problem: 'last-member' };
  const leadPetitionId = group.leadPetitionId === petitionId ? next.petitionId : group.leadPetitionId;
  return { ok: true, leadPetitionId, memberCount: remaining.length };
}
