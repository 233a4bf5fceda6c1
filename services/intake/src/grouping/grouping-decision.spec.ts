import { decideGrouping, type CandidateGroup, type MatterPetition } from './grouping-decision';
import { DEFAULT_GROUPING_POLICY, GroupingPolicy } from './grouping-policy';
import { textSimilarity } from './text-similarity';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-07-07T12:00:00.000Z');
const NOW = new Date(T0 + 100 * HOUR);
const POLICY = DEFAULT_GROUPING_POLICY;

let sequence = 0;

/** A petition of FULING / power-outage received `hours` after T0, unless the test says otherwise. */
function petition(text: string, hours = 0, overrides: Partial<MatterPetition> = {}): MatterPetition {
  sequence += 1;
  return {
    petitionId: `p-${String(sequence).padStart(3, '0')}`,
    scope: 'unit:FULING',
    category: 'power-outage',
    receivedAt: new Date(T0 + hours * HOUR),
    text,
    address: null,
    ...overrides,
  };
}

function group(members: MatterPetition[], overrides: Partial<CandidateGroup> = {}): CandidateGroup {
  sequence += 1;
  return {
    groupId: `g-${sequence}`,
    scope: 'unit:FULING',
    category: 'power-outage',
    closed: false,
    splitPetitionIds: [],
    members,
    ...overrides,
  };
}

function decide(
  newcomer: MatterPetition,
  candidates: { groups?: CandidateGroup[]; loners?: MatterPetition[]; needsSharedPlace?: boolean },
  policy: GroupingPolicy = POLICY,
) {
  return decideGrouping(
    {
      petition: newcomer,
      needsSharedPlace: candidates.needsSharedPlace ?? false,
      groups: candidates.groups ?? [],
      loners: candidates.loners ?? [],
    },
    policy,
    NOW,
  );
}

describe('decideGrouping', () => {
  it('given nothing to compare with, then the petition stays alone (a lone petition is not a group)', () => {
    expect(decide(petition('伏岭社区又停电了'), {})).toEqual({ kind: 'alone', at: NOW });
  });

  it('given a lone petition about the same matter, then the two found a group led by the earlier one', () => {
    const earlier = petition('伏岭社区又停电了', 0);
    const newcomer = petition('停电了 有没有人知道什么原因', 2);
    const decision = decide(newcomer, { loners: [earlier] });
    const similarity = textSimilarity(earlier.text, newcomer.text);
    expect(decision).toEqual({
      kind: 'open',
      at: NOW,
      leadPetitionId: earlier.petitionId,
      joiners: [
        { petitionId: earlier.petitionId, similarity },
        { petitionId: newcomer.petitionId, similarity },
      ],
    });
  });

  it('given a petition processed before one received earlier, then the earlier received still leads', () => {
    const later = petition('伏岭社区又停电了', 5);
    const newcomer = petition('停电了 有没有人知道什么原因', 1);
    const decision = decide(newcomer, { loners: [later] });
    expect(decision).toMatchObject({ kind: 'open', leadPetitionId: newcomer.petitionId });
  });

  describe('the similarity threshold', () => {
    const earlier = petition('伏岭社区又停电了');
    const newcomer = petition('停电了 有没有人知道什么原因', 1);
    const similarity = textSimilarity(earlier.text, newcomer.text);

    it('given a similarity exactly at the minimum, then grouped', () => {
      const policy = new GroupingPolicy(POLICY.windowMs, similarity);
      expect(decide(newcomer, { loners: [earlier] }, policy).kind).toBe('open');
    });

    it('given a similarity just below the minimum, then alone', () => {
      const policy = new GroupingPolicy(POLICY.windowMs, similarity + 1e-9);
      expect(decide(newcomer, { loners: [earlier] }, policy).kind).toBe('alone');
    });

    it('given a minimum of 1, then only the same words group', () => {
      const strict = new GroupingPolicy(POLICY.windowMs, 1);
      expect(decide(newcomer, { loners: [earlier] }, strict).kind).toBe('alone');
      expect(decide(petition('伏岭社区，又停电了！😭', 1), { loners: [earlier] }, strict).kind).toBe('open');
    });
  });

  describe('the window', () => {
    const window = POLICY.windowMs / HOUR;

    it('given a lone petition exactly a window apart (either way), then grouped; a millisecond more, alone', () => {
      const first = petition('伏岭社区又停电了', 0);
      expect(decide(petition('伏岭社区又停电了', window), { loners: [first] }).kind).toBe('open');
      expect(decide(petition('伏岭社区又停电了', -window), { loners: [first] }).kind).toBe('open');
      const late = petition('伏岭社区又停电了', window + 1 / HOUR);
      expect(decide(late, { loners: [first] }).kind).toBe('alone');
    });

    it('given a group, then its window slides with its latest member', () => {
      const members = [petition('伏岭社区又停电了', 0), petition('伏岭社区又停电了 什么时候来电', 48)];
      const open = group(members);
      expect(decide(petition('伏岭社区又停电了', 48 + window), { groups: [open] })).toMatchObject({
        kind: 'join',
        groupId: open.groupId,
      });
      const late = petition('伏岭社区又停电了', 48 + window + 1 / HOUR);
      expect(decide(late, { groups: [open] }).kind).toBe('alone');
    });

    it('given a group, then it reaches a window back from its first member too (out-of-order processing)', () => {
      const open = group([petition('伏岭社区又停电了', 10), petition('伏岭社区又停电了', 20)]);
      expect(decide(petition('伏岭社区又停电了', 10 - window), { groups: [open] }).kind).toBe('join');
      expect(decide(petition('伏岭社区又停电了', 10 - window - 1 / HOUR), { groups: [open] }).kind).toBe('alone');
    });
  });

  describe('unit and category', () => {
    it('given the same text from another unit, then never grouped', () => {
      const elsewhere = petition('又停电了', 0, { scope: 'unit:HECHENG' });
      expect(decide(petition('又停电了', 1), { loners: [elsewhere] }).kind).toBe('alone');
      const open = group([elsewhere], { scope: 'unit:HECHENG' });
      expect(decide(petition('又停电了', 1), { groups: [open] }).kind).toBe('alone');
    });

    it('given the same text in another category, then never grouped', () => {
      const other = petition('又停电了', 0, { category: 'fire' });
      expect(decide(petition('又停电了', 1), { loners: [other] }).kind).toBe('alone');
      const open = group([other], { category: 'fire' });
      expect(decide(petition('又停电了', 1), { groups: [open] }).kind).toBe('alone');
    });
  });

  describe('places named in the text', () => {
    const scope = 'unit:NANJIANG';
    const category = 'sewer-and-drain';

    it('given two blocked sewers on two named roads, then two matters though the words agree', () => {
      const first = petition('南江北路那个下水道又堵了 污水漫出来了', 0, { scope, category });
      const second = petition('建设路那个下水道又堵了 污水漫出来了', 1, { scope, category });
      expect(textSimilarity(first.text, second.text)).toBeGreaterThan(POLICY.minSimilarity);
      expect(decide(second, { loners: [first] }).kind).toBe('alone');
    });

    it('given a road in the free-text address, then it counts as named', () => {
      const first = petition('下水道又堵了 污水漫出来了', 0, { scope, category, address: '南江北路12号' });
      const second = petition('下水道又堵了 污水漫出来了', 1, { scope, category, address: '建设路菜场' });
      expect(decide(second, { loners: [first] }).kind).toBe('alone');
    });

    it('given one report naming a road and one naming none, then they may group (nothing says otherwise)', () => {
      const first = petition('南江北路那个下水道又堵了', 0, { scope, category });
      const second = petition('下水道又堵了 臭得要死', 1, { scope, category });
      expect(decide(second, { loners: [first] }).kind).toBe('open');
    });

    it('given a town-wide scope, then only reports naming a common road group', () => {
      const town = { scope: 'town:FUKOU_TOWN', category };
      const first = petition('老街下水道堵了 污水横流', 0, { ...town, address: '涪口镇老街' });
      const same = petition('老街下水道堵了 污水横流', 1, { ...town, address: '涪口镇老街口' });
      const unnamed = petition('下水道堵了 污水横流', 1, town);
      expect(decide(same, { loners: [first], needsSharedPlace: true }).kind).toBe('open');
      expect(decide(unnamed, { loners: [first], needsSharedPlace: true }).kind).toBe('alone');
    });
  });

  describe('groups', () => {
    it('given an open group and a lone petition that both match, then it joins the group and sweeps the loner in', () => {
      const open = group([petition('伏岭社区又停电了', 0), petition('伏岭社区停电了 什么时候来电', 1)]);
      const loner = petition('停电了 有没有人知道什么原因', 2);
      const newcomer = petition('停电了 到底什么原因 什么时候来电', 3);
      const decision = decide(newcomer, { groups: [open], loners: [loner] });
      expect(decision).toMatchObject({ kind: 'join', groupId: open.groupId });
      expect(decision.kind === 'join' && decision.joiners.map((joiner) => joiner.petitionId)).toEqual([
        newcomer.petitionId,
        loner.petitionId,
      ]);
    });

    it('given two open groups, then it joins the one it matches and leaves the other alone', () => {
      const sparks = group([petition('门口的变压器冒火花', 0), petition('变压器冒火花了', 1)]);
      const blackout = group([petition('伏岭社区又停电了', 0), petition('停电了 什么时候来电', 1)]);
      expect(decide(petition('又停电了 什么时候来电啊', 2), { groups: [sparks, blackout] })).toMatchObject({
        kind: 'join',
        groupId: blackout.groupId,
        absorbedGroupIds: [],
      });
    });

    it('given two groups it both matches (one matter reported in parallel), then they merge into the older', () => {
      const older = group([petition('伏岭社区又停电了', 0), petition('伏岭社区停电了', 1)]);
      const newer = group([petition('什么时候来电 等了好久', 2), petition('什么时候来电啊', 3)]);
      const bridge = petition('又停电了 什么时候来电', 4);
      expect(decide(bridge, { groups: [newer, older] })).toMatchObject({
        kind: 'join',
        groupId: older.groupId,
        absorbedGroupIds: [newer.groupId],
      });
    });

    it('given two matching groups an operator kept apart (a member of one split out of the other), no merge', () => {
      const moved = petition('什么时候来电 等了好久', 2);
      const older = group([petition('伏岭社区又停电了', 0), petition('伏岭社区停电了', 1)], {
        splitPetitionIds: [moved.petitionId],
      });
      const newer = group([moved, petition('什么时候来电啊', 3)]);
      const decision = decide(petition('又停电了 什么时候来电', 4), { groups: [older, newer] });
      expect(decision).toMatchObject({ kind: 'join', absorbedGroupIds: [] });
    });

    it('given a group with a resolved member, then it is closed: a new report is a recurrence, not a member', () => {
      const closed = group([petition('伏岭社区又停电了', 0), petition('伏岭社区又停电了', 1)], { closed: true });
      expect(decide(petition('伏岭社区又停电了', 2), { groups: [closed] }).kind).toBe('alone');
    });

    it('given a lone petition an operator split out of the matching group, then it is not swept back in', () => {
      const split = petition('停电了 有没有人知道什么原因', 2);
      const open = group([petition('伏岭社区又停电了', 0), petition('伏岭社区停电了 什么时候来电', 1)], {
        splitPetitionIds: [split.petitionId],
      });
      const decision = decide(petition('停电了 到底什么原因 什么时候来电', 3), { groups: [open], loners: [split] });
      expect(decision.kind === 'join' && decision.joiners.map((joiner) => joiner.petitionId)).not.toContain(
        split.petitionId,
      );
    });

    it('given the petition itself among the loners (a redelivery), then it does not group with itself', () => {
      const newcomer = petition('伏岭社区又停电了');
      expect(decide(newcomer, { loners: [newcomer] }).kind).toBe('alone');
    });
  });
});
