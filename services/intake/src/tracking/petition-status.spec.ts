import {
  evolveStatus,
  isOverdue,
  NO_FACTS,
  statusOf,
  timelineEntryOf,
  timelineNoteOf,
  type StatusFacts,
  type TrackedEvent,
} from './petition-status';
import { at, PETITION, tracked } from '../../../../tests/support/tracked-events';

const CLOCK = '0b7e3a52-1c39-4d8e-8b7e-2f1d8c3a9b02';
const DAY = 24 * 60 * 60 * 1000;

/** Event factories: each takes the instant it happened at (ms after T0) and the fields a test cares about. */
const given = {
  ...tracked,
  armed: (ms: number, dueInMs = 5 * DAY): TrackedEvent => ({
    type: 'deadline.armed',
    payload: {
      petitionId: PETITION,
      clockId: CLOCK,
      policy: 'general@1',
      departmentCode: 'URBAN',
      startedAt: at(ms),
      dueAt: at(dueInMs),
    },
  }),
  breached: (ms: number): TrackedEvent => ({
    type: 'deadline.breached',
    payload: { petitionId: PETITION, clockId: CLOCK, departmentCode: 'URBAN', dueAt: at(5 * DAY), breachedAt: at(ms) },
  }),
  stopped: (ms: number, withinDeadline = true): TrackedEvent => ({
    type: 'deadline.stopped',
    payload: {
      petitionId: PETITION,
      clockId: CLOCK,
      reason: 'resolved',
      stoppedAt: at(ms),
      elapsedSeconds: Math.round(ms / 1000),
      withinDeadline,
    },
  }),
};

function fold(events: readonly TrackedEvent[], from: Readonly<StatusFacts> = NO_FACTS): StatusFacts {
  return events.reduce<StatusFacts>((facts, event) => evolveStatus(facts, event), { ...from });
}

/** Every order of a list (small lists only). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('evolveStatus', () => {
  it('given nothing yet, then the petition is received, not overdue, with no facts', () => {
    expect(statusOf(NO_FACTS)).toBe('received');
    expect(isOverdue(NO_FACTS)).toBe(false);
  });

  it('given petition.assigned, then assigned, with the department, co-departments, category and complexity', () => {
    const facts = fold([given.assigned(60_000, 'URBAN', ['WATER'])]);
    expect(statusOf(facts)).toBe('assigned');
    expect(facts).toMatchObject({
      departmentCode: 'URBAN',
      coDepartments: ['WATER'],
      category: 'sewer-and-drain',
      complexity: 'general',
      assignedAt: new Date(at(60_000)),
    });
  });

  it('given deadline.armed, then the due date, and the status is unchanged', () => {
    const facts = fold([given.assigned(1), given.armed(2)]);
    expect(facts.dueAt).toEqual(new Date(at(5 * DAY)));
    expect(statusOf(facts)).toBe('assigned');
  });

  it('given each department answer in turn, then acknowledged, in-progress, resolved with the result', () => {
    const acknowledged = fold([given.assigned(1), given.acknowledged(2)]);
    expect(statusOf(acknowledged)).toBe('acknowledged');
    const inProgress = evolveStatus(acknowledged, given.progress(3));
    expect(statusOf(inProgress)).toBe('in-progress');
    const resolved = evolveStatus(inProgress, given.resolved(4, '已疏通下水道'));
    expect(statusOf(resolved)).toBe('resolved');
    expect(resolved).toMatchObject({ resolvedAt: new Date(at(4)), result: '已疏通下水道' });
  });

  it('given deadline.breached, then overdue, and the status is unchanged', () => {
    const facts = fold([given.assigned(1), given.acknowledged(2), given.breached(5 * DAY + 1)]);
    expect(isOverdue(facts)).toBe(true);
    expect(facts.breachedAt).toEqual(new Date(at(5 * DAY + 1)));
    expect(statusOf(facts)).toBe('acknowledged');
  });

  it('given deadline.stopped outside the deadline before the breach arrived, then overdue already', () => {
    expect(isOverdue(fold([given.stopped(6 * DAY, false)]))).toBe(true);
    expect(isOverdue(fold([given.stopped(4 * DAY, true)]))).toBe(false);
  });

  it('given a resolution, then a late acknowledgement does not undo it', () => {
    const facts = fold([given.assigned(1), given.resolved(10), given.acknowledged(2)]);
    expect(statusOf(facts)).toBe('resolved');
    expect(facts.acknowledgedAt).toEqual(new Date(at(2)));
  });

  it('given department answers before petition.assigned (another topic), then they are kept, not overwritten', () => {
    const facts = fold([given.acknowledged(2), given.progress(3), given.armed(2), given.assigned(1)]);
    expect(statusOf(facts)).toBe('in-progress');
    expect(facts).toMatchObject({ departmentCode: 'URBAN', dueAt: new Date(at(5 * DAY)) });
  });

  it('given the whole story in every order, then the same facts', () => {
    const story = [given.assigned(1), given.armed(2), given.acknowledged(3), given.resolved(4), given.stopped(5)];
    const expected = fold(story);
    expect(statusOf(expected)).toBe('resolved');
    for (const order of permutations(story)) expect(fold(order)).toEqual(expected);
  });

  it('given an older assignment after a newer one (a transfer), then the newer department stays', () => {
    const facts = fold([given.assigned(20, 'WATER'), given.assigned(10, 'URBAN')]);
    expect(facts).toMatchObject({ departmentCode: 'WATER', assignedAt: new Date(at(20)) });
    expect(fold([given.assigned(10, 'URBAN'), given.assigned(20, 'WATER')]).departmentCode).toBe('WATER');
  });

  it('given an older arming or resolution after a newer one, then the newer due date and result stay', () => {
    const armed = fold([given.armed(20, 15 * DAY), given.armed(10, 5 * DAY)]);
    expect(armed.dueAt).toEqual(new Date(at(15 * DAY)));
    const resolved = fold([given.resolved(20, 'second'), given.resolved(10, 'first')]);
    expect(resolved.result).toBe('second');
    const stopped = fold([given.stopped(20, false), given.stopped(10, true)]);
    expect(stopped.withinDeadline).toBe(false);
  });

  it('given several answers of one kind, then the latest instant of each', () => {
    const facts = fold([given.progress(30), given.progress(10), given.acknowledged(5), given.acknowledged(2)]);
    expect(facts).toMatchObject({ progressAt: new Date(at(30)), acknowledgedAt: new Date(at(5)) });
    expect(fold([given.breached(7), given.breached(3)]).breachedAt).toEqual(new Date(at(7)));
  });

  it.each(Object.entries(given))('given %s delivered twice, then the same facts as once (idempotent)', (_, make) => {
    const before = fold([given.assigned(1), given.acknowledged(2)]);
    const once = evolveStatus(before, make(100));
    expect(evolveStatus(once, make(100))).toEqual(once);
  });

  it('given any event, then the facts it was given are left untouched (pure)', () => {
    const before = Object.freeze(fold([given.assigned(1, 'URBAN', ['WATER'])]));
    const snapshot = structuredClone(before);
    for (const make of Object.values(given)) evolveStatus(before, make(50));
    expect(before).toEqual(snapshot);
  });
});

describe('evolveStatus: the citizen’s answer and reopening', () => {
  const resolvedStory = [given.assigned(1), given.acknowledged(2), given.resolved(10, 'first')];

  it('given petition.received, then nothing changes (the reception is the petition itself)', () => {
    expect(fold([given.received(0)])).toEqual(NO_FACTS);
  });

  it('given a resolution, then the department that resolved it, and no answer yet', () => {
    expect(fold(resolvedStory)).toMatchObject({ resolvedBy: 'URBAN', satisfied: null, reopenCount: 0 });
  });

  it('given a satisfied answer, then still resolved, and satisfied', () => {
    const facts = fold([...resolvedStory, given.feedback(20, true)]);
    expect(statusOf(facts)).toBe('resolved');
    expect(facts.satisfied).toBe(true);
  });

  it('given an unsatisfied answer and the reopening, then reopened, once, against that resolution', () => {
    const facts = fold([...resolvedStory, given.feedback(20), given.reopened(20)]);
    expect(statusOf(facts)).toBe('reopened');
    expect(facts).toMatchObject({
      satisfied: false,
      reopenCount: 1,
      reopenedAt: new Date(at(20)),
      reopenedResolutionAt: new Date(at(10)),
    });
  });

  it('given a reopened petition, then the new round counts only what happens after the reopening', () => {
    const reopened = fold([...resolvedStory, given.feedback(20), given.reopened(20)]);
    // A late copy of an earlier step does not move the new round on.
    expect(statusOf(evolveStatus(reopened, given.acknowledged(15)))).toBe('reopened');
    const reassigned = evolveStatus(reopened, given.assigned(30));
    expect(statusOf(reassigned)).toBe('assigned');
    expect(statusOf(evolveStatus(reassigned, given.progress(40)))).toBe('in-progress');
  });

  it('given a new resolution after the reopening, then resolved again, with no answer to it yet', () => {
    const facts = fold([...resolvedStory, given.feedback(20), given.reopened(20), given.resolved(50, 'second')]);
    expect(statusOf(facts)).toBe('resolved');
    expect(facts).toMatchObject({ result: 'second', satisfied: null, reopenCount: 1 });
  });

  it('given the rejected resolution again (a resend), then still reopened', () => {
    const facts = fold([...resolvedStory, given.feedback(20), given.reopened(20), given.resolved(10, 'first')]);
    expect(statusOf(facts)).toBe('reopened');
  });

  it('given a second reopening, then the count follows the events, an older one changes nothing', () => {
    const twice = fold([...resolvedStory, given.reopened(20, 1), given.resolved(50), given.reopened(60, 2)]);
    expect(twice).toMatchObject({ reopenCount: 2, reopenedResolutionAt: new Date(at(50)) });
    expect(evolveStatus(twice, given.reopened(20, 1))).toEqual(twice);
  });
});

describe('timelineEntryOf', () => {
  it('given each event a citizen sees, then its step, its own time and the department', () => {
    expect(
      [given.assigned(1), given.acknowledged(2), given.progress(3), given.resolved(4), given.breached(5)].map(
        timelineEntryOf,
      ),
    ).toEqual([
      { at: new Date(at(1)), event: 'assigned', departmentCode: 'URBAN' },
      { at: new Date(at(2)), event: 'acknowledged', departmentCode: 'URBAN' },
      { at: new Date(at(3)), event: 'progress', departmentCode: 'URBAN' },
      { at: new Date(at(4)), event: 'resolved', departmentCode: 'URBAN' },
      { at: new Date(at(5)), event: 'overdue', departmentCode: 'URBAN' },
    ]);
  });

  it('given clock bookkeeping (armed, stopped) or the reception, then no step', () => {
    expect(timelineEntryOf(given.armed(1))).toBeNull();
    expect(timelineEntryOf(given.stopped(2))).toBeNull();
    expect(timelineEntryOf(given.received(0))).toBeNull();
  });

  it('given the citizen’s answers and a reopening, then satisfied / unsatisfied and reopened (to the department)', () => {
    expect([given.feedback(1, true), given.feedback(2, false), given.reopened(2)].map(timelineEntryOf)).toEqual([
      { at: new Date(at(1)), event: 'satisfied', departmentCode: null },
      { at: new Date(at(2)), event: 'unsatisfied', departmentCode: null },
      { at: new Date(at(2)), event: 'reopened', departmentCode: 'URBAN' },
    ]);
  });
});

describe('timelineNoteOf', () => {
  it('given a progress report or a resolution, then the department’s own words; given anything else, none', () => {
    expect(timelineNoteOf(given.progress(3))).toBe('已派人现场查看');
    expect(timelineNoteOf(given.resolved(4, '已疏通下水道'))).toBe('已疏通下水道');
    for (const event of [
      given.assigned(1),
      given.armed(2),
      given.acknowledged(2),
      given.breached(5),
      given.stopped(6),
    ]) {
      expect(timelineNoteOf(event)).toBeNull();
    }
  });
});
