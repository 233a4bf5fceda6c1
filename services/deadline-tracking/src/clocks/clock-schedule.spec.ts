import { ManualClock } from '@petitions/platform';
import { policyNamed } from '../policies/policy';
import {
  decideFiring,
  dueAtOf,
  extendTimeline,
  pauseTimeline,
  resumeTimeline,
  startTimeline,
  stopOutcome,
  type ClockTimeline,
} from './clock-schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GENERAL = policyNamed('general@2').initial;
const COMPLEX = policyNamed('complex@2').initial;
// Mon 2026-03-02 10:00 Beijing.
const RECEIVED = new Date('2026-03-02T02:00:00.000Z');

function fire(
  timeline: ClockTimeline,
  rule = GENERAL,
  now: Date,
  done: string[] = [],
  acknowledgedAt: Date | null = null,
) {
  return decideFiring({ timeline, rule, done: new Set(done), acknowledgedAt, now });
}

describe('a general@2 clock', () => {
  const timeline = startTimeline(GENERAL, RECEIVED);

  it('given its start, then due exactly 5 natural days later, with the first wake-up at the acknowledgement deadline', () => {
    expect(dueAtOf(timeline)?.getTime()).toBe(RECEIVED.getTime() + 5 * DAY);
    const decision = fire(timeline, GENERAL, RECEIVED);
    expect(decision.fire).toEqual([]);
    expect(decision.nextWakeUp?.getTime()).toBe(RECEIVED.getTime() + 24 * HOUR);
  });

  it('given time moved to 80 %, then acknowledgement-overdue, reminder-50 and reminder-80 fire, in due order', () => {
    const clock = new ManualClock(RECEIVED);
    clock.advanceBy(4 * DAY);
    const decision = fire(timeline, GENERAL, clock.now());
    expect(decision.fire.map((plan) => plan.step.id)).toEqual(['acknowledgement', 'reminder-50', 'reminder-80']);
    expect(decision.fire.map((plan) => plan.scheduledAt.getTime() - RECEIVED.getTime())).toEqual([
      24 * HOUR,
      2.5 * DAY,
      4 * DAY,
    ]);
    expect(decision.nextWakeUp?.getTime()).toBe(RECEIVED.getTime() + 5 * DAY);
  });

  it('given the department acknowledged in time, then the acknowledgement step is skipped, never fired', () => {
    const decision = fire(
      timeline,
      GENERAL,
      new Date(RECEIVED.getTime() + 30 * HOUR),
      [],
      new Date(RECEIVED.getTime() + HOUR),
    );
    expect(decision.skip.map((step) => step.id)).toEqual(['acknowledgement']);
    expect(decision.fire).toEqual([]);
  });

  it('given the department acknowledged late, then the step still fires', () => {
    const late = new Date(RECEIVED.getTime() + 25 * HOUR);
    const decision = fire(timeline, GENERAL, new Date(RECEIVED.getTime() + 26 * HOUR), [], late);
    expect(decision.fire.map((plan) => plan.step.id)).toEqual(['acknowledgement']);
  });

  it('given steps already done, then they never fire again', () => {
    const decision = fire(timeline, GENERAL, new Date(RECEIVED.getTime() + 6 * DAY), [
      'acknowledgement',
      'reminder-50',
    ]);
    expect(decision.fire.map((plan) => plan.step.id)).toEqual(['reminder-80', 'breach']);
    expect(decision.nextWakeUp).toBeNull();
  });

  it('given a one-day pause, then the due time and every later step move by one day, and nothing fires while paused', () => {
    const paused = pauseTimeline(timeline, new Date(RECEIVED.getTime() + 2 * DAY));
    expect(dueAtOf(paused)).toBeNull();
    expect(fire(paused, GENERAL, new Date(RECEIVED.getTime() + 10 * DAY), ['acknowledgement'])).toEqual({
      fire: [],
      skip: [],
      nextWakeUp: null,
    });
    const resumed = resumeTimeline(paused, new Date(RECEIVED.getTime() + 3 * DAY));
    expect(dueAtOf(resumed)?.getTime()).toBe(RECEIVED.getTime() + 6 * DAY);
    expect(
      fire(resumed, GENERAL, new Date(RECEIVED.getTime() + 3 * DAY), ['acknowledgement']).nextWakeUp?.getTime(),
    ).toBe(RECEIVED.getTime() + 3.5 * DAY);
  });

  it('given a 3-day extension, then the breach moves 3 days and the 80 % reminder to 80 % of 8 days', () => {
    const extended = extendTimeline(timeline, 3);
    expect(dueAtOf(extended)?.getTime()).toBe(RECEIVED.getTime() + 8 * DAY);
    const decision = fire(extended, GENERAL, new Date(RECEIVED.getTime() + 6.4 * DAY), [
      'acknowledgement',
      'reminder-50',
    ]);
    expect(decision.fire.map((plan) => plan.step.id)).toEqual(['reminder-80']);
  });

  it('given a stop, then within the deadline up to the due time inclusive, not a millisecond after', () => {
    const due = RECEIVED.getTime() + 5 * DAY;
    expect(stopOutcome(timeline, new Date(due))).toEqual({ elapsedSeconds: 432_000, withinDeadline: true });
    expect(stopOutcome(timeline, new Date(due + 1)).withinDeadline).toBe(false);
    expect(stopOutcome(timeline, new Date(RECEIVED.getTime() - 600)).elapsedSeconds).toBe(0);
  });
});

describe('a complex@2 clock (15 working days, the four-handling ladder)', () => {
  const timeline = startTimeline(COMPLEX, RECEIVED);

  it('given its start, then assign fires at once and the breach is at the end of the 15th working day', () => {
    const decision = fire(timeline, COMPLEX, RECEIVED);
    expect(decision.fire.map((plan) => plan.step.id)).toEqual(['assign']);
    expect(decision.fire[0]?.scheduledAt).toEqual(RECEIVED);
    // Counting starts Tue 03-03; 15 working days end Mon 03-23 24:00 Beijing.
    expect(dueAtOf(timeline)?.toISOString()).toBe('2026-03-23T16:00:00.000Z');
  });

  it('given a resolution on the weekend after a Friday deadline, then it is late, although no time counted since', () => {
    // Received Mon 2026-03-02 10:00 Beijing; 4 working days end Fri 03-06 24:00; resolved Sat 03-07 10:00.
    const short = startTimeline({ ...COMPLEX, resolveWithinDays: 4 }, RECEIVED);
    expect(dueAtOf(short)?.toISOString()).toBe('2026-03-06T16:00:00.000Z');
    expect(stopOutcome(short, new Date('2026-03-07T02:00:00.000Z')).withinDeadline).toBe(false);
    expect(stopOutcome(short, new Date('2026-03-06T15:59:59.999Z')).withinDeadline).toBe(true);
  });

  it('given a clock paused before its due time, then a stop during the pause is within; after the full period, not', () => {
    const pausedEarly = pauseTimeline(timeline, new Date('2026-03-05T02:00:00.000Z'));
    expect(stopOutcome(pausedEarly, new Date('2026-05-01T00:00:00.000Z')).withinDeadline).toBe(true);
    const pausedLate = pauseTimeline(timeline, new Date('2026-03-28T02:00:00.000Z'));
    expect(stopOutcome(pausedLate, new Date('2026-03-28T03:00:00.000Z')).withinDeadline).toBe(false);
  });

  it('given the whole period passed at once (downtime), then the rungs fire in order, investigate last', () => {
    const decision = fire(timeline, COMPLEX, new Date('2026-04-30T00:00:00.000Z'));
    expect(decision.fire.map((plan) => plan.step.step)).toEqual([
      'assign',
      'acknowledgement-overdue',
      'supervise',
      'summon',
      'investigate',
    ]);
  });
});
