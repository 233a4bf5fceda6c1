import { evolveStatus, NO_FACTS, type StatusFacts, type TrackedEvent } from '../tracking/petition-status';
import { T0, tracked } from '../../../../tests/support/tracked-events';
import { RECEIPT_MAX_AGE_MS, repliesTo } from './reply-decisions';
import { kindsOf } from './reply-templates';

const NOW = new Date(T0 + 60_000);
const event = {
  ...tracked,
  assigned: (ms: number, departmentCode = 'URBAN') => tracked.assigned(ms, departmentCode, ['WATER']),
};

function factsAfter(events: readonly TrackedEvent[]): StatusFacts {
  return events.reduce<StatusFacts>((facts, e) => evolveStatus(facts, e), { ...NO_FACTS });
}

/** Given the events folded so far, when `next` is folded, then the replies it calls for. */
function whenFolded(history: readonly TrackedEvent[], next: TrackedEvent, now = NOW) {
  const before = factsAfter(history);
  return repliesTo(next, { before, after: evolveStatus(before, next) }, now);
}

describe('repliesTo', () => {
  describe('petition.received', () => {
    it('given a fresh petition, then a receipt', () => {
      expect(whenFolded([], event.received())).toEqual([{ kind: 'receipt' }]);
    });

    it('given the assignment folded first (another topic), then no receipt after it', () => {
      expect(whenFolded([event.assigned(1000)], event.received())).toEqual([]);
    });

    it('given a petition received longer ago than the receipt’s age limit, then no receipt', () => {
      const late = new Date(T0 + RECEIPT_MAX_AGE_MS + 1);
      expect(whenFolded([], event.received(), late)).toEqual([]);
      expect(whenFolded([], event.received(), new Date(T0 + RECEIPT_MAX_AGE_MS))).toEqual([{ kind: 'receipt' }]);
    });
  });

  describe('petition.assigned', () => {
    it('given a new assignment, then the department and its helpers', () => {
      expect(whenFolded([], event.assigned(1000))).toEqual([
        { kind: 'assignment', departmentCode: 'URBAN', coDepartments: ['WATER'] },
      ]);
    });

    it('given a later assignment (a transfer), then the new department', () => {
      expect(kindsOf(whenFolded([event.assigned(1000)], event.assigned(2000, 'WATER')))).toEqual(['assignment']);
    });

    it('given an assignment older than the one held, or the same one again, then nothing', () => {
      expect(whenFolded([event.assigned(2000)], event.assigned(1000))).toEqual([]);
      expect(whenFolded([event.assigned(2000)], event.assigned(2000))).toEqual([]);
    });

    it('given the petition already resolved (the assignment arrived late), then nothing', () => {
      expect(whenFolded([event.resolved(5000)], event.assigned(1000))).toEqual([]);
    });
  });

  describe('department.progress-reported', () => {
    it('given a note, then the note, quoted with its department', () => {
      expect(whenFolded([event.assigned(1000)], event.progress(2000, '明天施工'))).toEqual([
        { kind: 'progress', departmentCode: 'URBAN', note: '明天施工' },
      ]);
    });

    it('given a note older than one already told, then nothing', () => {
      expect(whenFolded([event.progress(3000)], event.progress(2000))).toEqual([]);
    });

    it('given a resolved petition, then a late note says nothing', () => {
      expect(whenFolded([event.resolved(5000)], event.progress(6000))).toEqual([]);
    });
  });

  describe('department.resolved', () => {
    it('given a resolution, then the result, then the survey', () => {
      expect(whenFolded([event.assigned(1000)], event.resolved(5000, '已疏通下水道'))).toEqual([
        { kind: 'result', departmentCode: 'URBAN', result: '已疏通下水道' },
        { kind: 'survey' },
      ]);
    });

    it('given the same resolution resent, or an older one, then nothing', () => {
      expect(whenFolded([event.resolved(5000)], event.resolved(5000))).toEqual([]);
      expect(whenFolded([event.resolved(5000)], event.resolved(4000))).toEqual([]);
    });

    it('given a reopened petition resolved again, then a new result and a new survey', () => {
      const history = [event.resolved(5000), event.reopened(6000)];
      expect(kindsOf(whenFolded(history, event.resolved(9000)))).toEqual(['result', 'survey']);
    });

    it('given a reopened petition, then its progress is told again', () => {
      const history = [event.progress(2000), event.resolved(5000), event.reopened(6000)];
      expect(kindsOf(whenFolded(history, event.progress(7000)))).toEqual(['progress']);
    });
  });

  it('given an acknowledgement or the citizen’s own reopening, then nothing', () => {
    expect(whenFolded([event.assigned(1000)], event.acknowledged(2000))).toEqual([]);
    expect(whenFolded([event.resolved(5000)], event.reopened(6000))).toEqual([]);
  });
});
