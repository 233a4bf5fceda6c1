import type { GroupingPolicy } from './grouping-policy';
import { placesConflict, placesIn, sharePlace } from './places';
import { profileOf, similarityToGroup, type TextProfile } from './text-similarity';

/** A petition as grouping sees it. */
export interface MatterPetition {
  readonly petitionId: string;
  /** Where (MatterScope.key) and what kind of matter (routing's category): candidates must share both. */
  readonly scope: string;
  readonly category: string;
  readonly receivedAt: Date;
  readonly text: string;
  readonly address: string | null;
}

/** An existing group of the same scope and category whose window may reach the petition. */
export interface CandidateGroup {
  readonly groupId: string;
  readonly scope: string;
  readonly category: string;
  /** A member has been resolved: a new report after that is a recurrence, not one more reporter. */
  readonly closed: boolean;
  /** Petitions an operator split out of this group: they never rejoin it by themselves. */
  readonly splitPetitionIds: readonly string[];
  readonly members: readonly MatterPetition[];
}

export interface GroupingInput {
  readonly petition: MatterPetition;
  /** Town-wide scope: only petitions that name a common place are one matter (see MatterScope). */
  readonly needsSharedPlace: boolean;
  readonly groups: readonly CandidateGroup[];
  /** Ungrouped, unresolved petitions of the same scope and category near in time. */
  readonly loners: readonly MatterPetition[];
}

export interface Joiner {
  readonly petitionId: string;
  /** Its similarity to the group (the new petition) or to the new petition (a lone petition swept in with it). */
  readonly similarity: number;
}

/**
 * What to do with a newly assigned petition (decide, in event-sourcing terms):
 * - `alone`: nothing like it; it waits as a lone petition (a lone petition is not a group);
 * - `join`: it joins an open group, with any lone petitions that match it; when it matches several groups, they
 *   are one matter and the others (`absorbedGroupIds`) merge into `groupId`, the one whose first report came first;
 * - `open`: it and the lone petition most like it found a group (the earlier received leads), with any others.
 * Joiners are in order: the new petition first (after the lead for `open`), then the swept lone petitions.
 */
export type GroupingDecision =
  | { readonly kind: 'alone'; readonly at: Date }
  | {
      readonly kind: 'join';
      readonly at: Date;
      readonly groupId: string;
      readonly absorbedGroupIds: readonly string[];
      readonly joiners: readonly Joiner[];
    }
  | { readonly kind: 'open'; readonly at: Date; readonly leadPetitionId: string; readonly joiners: readonly Joiner[] };

interface Prepared {
  readonly petition: MatterPetition;
  readonly profile: TextProfile;
  readonly places: ReadonlySet<string>;
}

function prepare(petition: MatterPetition): Prepared {
  return { petition, profile: profileOf(petition.text), places: placesIn(petition.text, petition.address) };
}

function within(windowMs: number, instant: Date, from: Date, to: Date): boolean {
  return instant.getTime() >= from.getTime() - windowMs && instant.getTime() <= to.getTime() + windowMs;
}

/** Another unit or another category is another matter, whatever the text says. */
function sameKind(
  a: Pick<MatterPetition, 'scope' | 'category'>,
  b: Pick<MatterPetition, 'scope' | 'category'>,
): boolean {
  return a.scope === b.scope && a.category === b.category;
}

function placesAgree(input: GroupingInput, a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return input.needsSharedPlace ? sharePlace(a, b) : !placesConflict(a, b);
}

interface Scored<T> {
  readonly candidate: T;
  readonly similarity: number;
}

function scoreGroup(
  input: GroupingInput,
  policy: GroupingPolicy,
  p: Prepared,
  group: CandidateGroup,
): Scored<CandidateGroup> | null {
  if (!sameKind(p.petition, group) || group.closed || group.members.length === 0) return null;
  if (group.splitPetitionIds.includes(p.petition.petitionId)) return null;
  const times = group.members.map((member) => member.receivedAt.getTime());
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...times));
  if (!within(policy.windowMs, p.petition.receivedAt, first, last)) return null;
  const members = group.members.map(prepare);
  const groupPlaces = new Set(members.flatMap((member) => [...member.places]));
  if (!placesAgree(input, p.places, groupPlaces)) return null;
  const similarity = similarityToGroup(
    p.profile,
    members.map((member) => member.profile),
  );
  return similarity >= policy.minSimilarity ? { candidate: group, similarity } : null;
}

function scorePair(
  input: GroupingInput,
  policy: GroupingPolicy,
  p: Prepared,
  other: Prepared,
): Scored<Prepared> | null {
  if (!sameKind(p.petition, other.petition)) return null;
  const at = other.petition.receivedAt;
  if (!within(policy.windowMs, p.petition.receivedAt, at, at)) return null;
  if (!placesAgree(input, p.places, other.places)) return null;
  const similarity = similarityToGroup(p.profile, [other.profile]);
  return similarity >= policy.minSimilarity ? { candidate: other, similarity } : null;
}

/** Highest similarity first; ties to the earliest received (a lone petition) or the larger group. */
function best<T>(scored: readonly Scored<T>[], tieBreak: (a: T, b: T) => number): Scored<T> | undefined {
  return [...scored].sort((a, b) => b.similarity - a.similarity || tieBreak(a.candidate, b.candidate))[0];
}

function notNull<T>(value: T | null): value is T {
  return value !== null;
}

const byReception = (a: Prepared, b: Prepared): number =>
  a.petition.receivedAt.getTime() - b.petition.receivedAt.getTime() ||
  a.petition.petitionId.localeCompare(b.petition.petitionId);

function joinerOf(scored: Scored<Prepared>): Joiner {
  return { petitionId: scored.candidate.petition.petitionId, similarity: scored.similarity };
}

function firstReception(group: CandidateGroup): number {
  return Math.min(...group.members.map((member) => member.receivedAt.getTime()));
}

/** An operator split a member of one out of the other: they are two matters, whatever a new report bridges. */
function keptApart(a: CandidateGroup, b: CandidateGroup): boolean {
  const splitFrom = (group: CandidateGroup, other: CandidateGroup): boolean =>
    other.members.some((member) => group.splitPetitionIds.includes(member.petitionId));
  return splitFrom(a, b) || splitFrom(b, a);
}

/**
 * The groups a petition matches are one matter that began as two (reports arrived in parallel before one bridged
 * them): they merge into the one whose first report came first, unless an operator kept them apart.
 */
function mergedGroups(matching: readonly Scored<CandidateGroup>[]): CandidateGroup[] {
  const merged: CandidateGroup[] = [];
  for (const { candidate } of matching) {
    if (!merged.some((group) => keptApart(group, candidate))) merged.push(candidate);
  }
  return merged.sort((a, b) => firstReception(a) - firstReception(b) || a.groupId.localeCompare(b.groupId));
}

/**
 * Decides whether a newly assigned petition is about the same matter as an open group or a lone petition of its
 * scope and category: within the window, no conflicting places, text similarity at least the policy's minimum. Pure;
 * `now` is only the time the decision is stamped with (the window is measured between reception times, so a backlog
 * processed late groups as it would have on time).
 */
export function decideGrouping(input: GroupingInput, policy: GroupingPolicy, now: Date): GroupingDecision {
  const p = prepare(input.petition);
  const loners = input.loners.filter((loner) => loner.petitionId !== p.petition.petitionId).map(prepare);
  const matchingLoners = loners.map((loner) => scorePair(input, policy, p, loner)).filter(notNull);
  const matchingGroups = input.groups
    .map((candidate) => scoreGroup(input, policy, p, candidate))
    .filter(notNull)
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        b.candidate.members.length - a.candidate.members.length ||
        a.candidate.groupId.localeCompare(b.candidate.groupId),
    );
  const closest = matchingGroups[0];
  if (closest) {
    const [survivor, ...absorbed] = mergedGroups(matchingGroups) as [CandidateGroup, ...CandidateGroup[]];
    const splitOut = new Set([survivor, ...absorbed].flatMap((group) => group.splitPetitionIds));
    const swept = matchingLoners
      .filter(({ candidate }) => !splitOut.has(candidate.petition.petitionId))
      .sort((a, b) => byReception(a.candidate, b.candidate));
    return {
      kind: 'join',
      at: now,
      groupId: survivor.groupId,
      absorbedGroupIds: absorbed.map((group) => group.groupId),
      joiners: [{ petitionId: p.petition.petitionId, similarity: closest.similarity }, ...swept.map(joinerOf)],
    };
  }
  const partner = best(matchingLoners, byReception);
  if (!partner) return { kind: 'alone', at: now };
  const [lead, second] = [p, partner.candidate].sort(byReception) as [Prepared, Prepared];
  const founders: Joiner[] = [lead, second].map((member) => ({
    petitionId: member.petition.petitionId,
    similarity: partner.similarity,
  }));
  const swept = matchingLoners
    .filter((scored) => scored !== partner)
    .sort((a, b) => byReception(a.candidate, b.candidate))
    .map(joinerOf);
  return { kind: 'open', at: now, leadPetitionId: lead.petition.petitionId, joiners: [...founders, ...swept] };
}
