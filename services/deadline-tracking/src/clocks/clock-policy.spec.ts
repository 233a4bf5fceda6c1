import { planClock, stopOutcome } from './clock-policy';

const DAY_MS = 86_400_000;
const RECEIVED_AT = new Date('2025-06-01T08:00:00.000Z');

function aClock(overrides: Partial<{ startedAt: Date; dueAt: Date }> = {}): { startedAt: Date; dueAt: Date } {
  return { startedAt: RECEIVED_AT, dueAt: new Date(RECEIVED_AT.getTime() + 5 * DAY_MS), ...overrides };
}

function at(offsetMs: number, from: Date = RECEIVED_AT): Date {
  return new Date(from.getTime() + offsetMs);
}

describe('planClock', () => {
  it('given a general petition, when its clock is planned, then it is due exactly 5 days later under general@1', () => {
    const plan = planClock('general', RECEIVED_AT);
    expect(plan.policy).toBe('general@1');
    expect(plan.dueAt.getTime() - RECEIVED_AT.getTime()).toBe(432_000_000);
    expect(plan.dueAt.toISOString()).toBe('2025-06-06T08:00:00.000Z');
  });

  it('given a complex petition, when its clock is planned, then it is due exactly 15 days later under complex@1', () => {
    const plan = planClock('complex', RECEIVED_AT);
    expect(plan.policy).toBe('complex@1');
    expect(plan.dueAt.getTime() - RECEIVED_AT.getTime()).toBe(1_296_000_000);
    expect(plan.dueAt.toISOString()).toBe('2025-06-16T08:00:00.000Z');
  });

  it('given a receipt time with milliseconds across a month end, when planned, then the milliseconds are kept', () => {
    expect(planClock('general', new Date('2025-01-29T23:59:59.999Z')).dueAt.toISOString()).toBe(
      '2025-02-03T23:59:59.999Z',
    );
  });

  it('given a receipt time, when planned, then the given date is not changed', () => {
    const receivedAt = new Date(RECEIVED_AT.getTime());
    planClock('complex', receivedAt);
    expect(receivedAt.toISOString()).toBe('2025-06-01T08:00:00.000Z');
  });
});

describe('stopOutcome', () => {
  it('given a stop one hour after the start, when evaluated, then 3600 seconds within the deadline', () => {
    expect(stopOutcome(aClock(), at(3_600_000))).toEqual({ elapsedSeconds: 3600, withinDeadline: true });
  });

  it('given a stop exactly at the due time, when evaluated, then it is within the deadline', () => {
    const clock = aClock();
    expect(stopOutcome(clock, clock.dueAt)).toEqual({ elapsedSeconds: 432_000, withinDeadline: true });
  });

  it('given a stop one millisecond after the due time, when evaluated, then it is not within the deadline', () => {
    const clock = aClock();
    expect(stopOutcome(clock, at(1, clock.dueAt))).toEqual({ elapsedSeconds: 432_000, withinDeadline: false });
  });

  it('given a stop one millisecond before the due time, when evaluated, then it is within the deadline', () => {
    const clock = aClock();
    expect(stopOutcome(clock, at(-1, clock.dueAt)).withinDeadline).toBe(true);
  });

  it.each([
    [1_499, 1],
    [1_500, 2],
    [1_501, 2],
    [499, 0],
    [500, 1],
    [0, 0],
  ])('given %d ms elapsed, when evaluated, then %d seconds (rounded to nearest)', (elapsedMs, seconds) => {
    expect(stopOutcome(aClock(), at(elapsedMs)).elapsedSeconds).toBe(seconds);
  });

  it.each([-1, -400, -600, -3_600_000])(
    'given a stop %d ms before the start (clock skew), when evaluated, then elapsed is 0, never negative',
    (offsetMs) => {
      const outcome = stopOutcome(aClock(), at(offsetMs));
      expect(outcome.elapsedSeconds).toBe(0);
      expect(Object.is(outcome.elapsedSeconds, -0)).toBe(false);
      expect(outcome.withinDeadline).toBe(true);
    },
  );
});
