import type { MatterPetition } from './grouping-decision';
import { DEFAULT_GROUPING_POLICY } from './grouping-policy';
import { arrivalOrder, replayGrouping } from './grouping-replay';
import {
  BLACKOUT_REPORTS,
  DIFFERENT_MATTERS,
  OTHER_POWER_MATTER,
  SCHOOL_PLACE_QUESTIONS,
  SEWER_REPORTS,
} from './same-matter-corpus';

// The figures of docs/architecture.md#same-matter-grouping, held by the default policy (npm run grouping:calibrate
// measures the rest on the dev petitions).

const T0 = Date.parse('2026-07-07T12:00:00.000Z');
const MINUTE = 60_000;

function reports(texts: readonly string[], minutesApart = 5): MatterPetition[] {
  return texts.map((text, index) => ({
    petitionId: `r-${String(index).padStart(2, '0')}`,
    scope: 'unit:FULING',
    category: 'power-outage',
    receivedAt: new Date(T0 + index * minutesApart * MINUTE),
    text,
    address: null,
  }));
}

describe.each([
  // "家里灯全灭了" shares nothing with the next reports: it waits alone and is swept in by the fourth, so the
  // second report, the first to found the group, leads.
  ['ten residents reporting one blackout', BLACKOUT_REPORTS, 'r-01'],
  ['eleven enterprises asking one school-place question', SCHOOL_PLACE_QUESTIONS, 'r-00'],
  ['four reports of one blocked sewer', SEWER_REPORTS, 'r-00'],
])('%s', (_name, texts, lead) => {
  it('end in one group, in the order they came', () => {
    const { groups, alone } = replayGrouping(reports(texts), DEFAULT_GROUPING_POLICY);
    expect(alone).toEqual([]);
    expect(groups.map((group) => group.members.length)).toEqual([texts.length]);
    expect(groups[0]?.leadPetitionId).toBe(lead);
  });

  it('end in one group, whatever the order their assignments arrive in (200 orders)', () => {
    for (let order = 1; order <= 200; order += 1) {
      const { groups } = replayGrouping(arrivalOrder(reports(texts), order), DEFAULT_GROUPING_POLICY);
      expect({ order, sizes: groups.map((group) => group.members.length) }).toEqual({ order, sizes: [texts.length] });
    }
  });
});

describe('different matters of one unit and category', () => {
  it.each(DIFFERENT_MATTERS.map((pair) => [pair[0], pair[1]]))('keeps %s and %s apart', (first, second) => {
    expect(replayGrouping(reports([first, second]), DEFAULT_GROUPING_POLICY).groups).toEqual([]);
  });
});

describe('another power matter of the same unit among the blackout reports', () => {
  it('stays out of the blackout’s group, wherever it comes (200 orders)', () => {
    for (let order = 1; order <= 200; order += 1) {
      const petitions = arrivalOrder(reports([...BLACKOUT_REPORTS, OTHER_POWER_MATTER]), order);
      const { groups, alone } = replayGrouping(petitions, DEFAULT_GROUPING_POLICY);
      expect({ order, sizes: groups.map((group) => group.members.length), alone }).toEqual({
        order,
        sizes: [BLACKOUT_REPORTS.length],
        alone: [`r-${BLACKOUT_REPORTS.length}`],
      });
    }
  });
});

describe('the blackout reports spread over time', () => {
  it('stay one group while each comes within the window of the one before (the window slides)', () => {
    const justInside = DEFAULT_GROUPING_POLICY.windowMs / MINUTE - 1;
    const { groups } = replayGrouping(reports(BLACKOUT_REPORTS.slice(1, 4), justInside), DEFAULT_GROUPING_POLICY);
    expect(groups.map((group) => group.members.length)).toEqual([3]);
  });

  it('are two matters when a window passes between them', () => {
    const apart = DEFAULT_GROUPING_POLICY.windowMs / MINUTE + 1;
    const { groups } = replayGrouping(reports(BLACKOUT_REPORTS.slice(1, 3), apart), DEFAULT_GROUPING_POLICY);
    expect(groups).toEqual([]);
  });
});
