import { advance, countedMs, countingStart, DAY_MS, type CalendarKind } from '../calendar/calendar';
import { budgetMsOf, stepOffsetMs, type ClockRule, type PolicyStep } from '../policies/policy';

/**
 * Where a clock stands, in counted time (paused time and, on working-day calendars, days off do not count). Pure
 * data: every function here takes the time it needs as an argument, never from a clock of its own.
 */
export interface ClockTimeline {
  calendar: CalendarKind;
  startedAt: Date;
  /** The resolution period, extensions included, in counted milliseconds. */
  budgetMs: number;
  /** Counted time up to `runningSince` (or up to the pause, while paused). */
  consumedMs: number;
  /** Since when it counts; null while paused or stopped. */
  runningSince: Date | null;
}

export function startTimeline(rule: ClockRule, startedAt: Date): ClockTimeline {
  return {
    calendar: rule.calendar,
    startedAt,
    budgetMs: budgetMsOf(rule),
    consumedMs: 0,
    runningSince: countingStart(rule.calendar, startedAt),
  };
}

/** Counted time at instant `at`. */
export function consumedAt(timeline: ClockTimeline, at: Date): number {
  if (!timeline.runningSince) return timeline.consumedMs;
  return timeline.consumedMs + countedMs(timeline.calendar, timeline.runningSince, at);
}

/** When the clock reaches `offsetMs` of counted time; null while it does not count. */
export function instantOf(timeline: ClockTimeline, offsetMs: number): Date | null {
  if (!timeline.runningSince) return null;
  if (offsetMs <= timeline.consumedMs) return timeline.runningSince;
  return advance(timeline.calendar, timeline.runningSince, offsetMs - timeline.consumedMs);
}

/** The due time as things stand (null while paused: it moves by however long the pause lasts). */
export function dueAtOf(timeline: ClockTimeline): Date | null {
  return instantOf(timeline, timeline.budgetMs);
}

export function pauseTimeline(timeline: ClockTimeline, at: Date): ClockTimeline {
  return { ...timeline, consumedMs: consumedAt(timeline, at), runningSince: null };
}

export function resumeTimeline(timeline: ClockTimeline, at: Date): ClockTimeline {
  return { ...timeline, runningSince: at };
}

export function extendTimeline(timeline: ClockTimeline, days: number): ClockTimeline {
  return { ...timeline, budgetMs: timeline.budgetMs + days * DAY_MS };
}

export interface StepPlan {
  step: PolicyStep;
  scheduledAt: Date;
}

export interface FiringDecision {
  /** Steps to fire now, in the order they were due. */
  fire: StepPlan[];
  /** Steps that no longer apply (the acknowledgement came in time); recorded so they are never looked at again. */
  skip: PolicyStep[];
  /** When the clock must be looked at next; null when no step is left or it does not count. */
  nextWakeUp: Date | null;
}

export interface FiringInput {
  timeline: ClockTimeline;
  rule: ClockRule;
  /** Ids of the steps already fired or skipped. */
  done: ReadonlySet<string>;
  /** When the holding department acknowledged (签收), if it has. */
  acknowledgedAt: Date | null;
  now: Date;
}

/** The steps still ahead of the clock, each with when it falls due (null while paused). */
export function pendingSteps(input: Omit<FiringInput, 'now'>): { step: PolicyStep; at: Date | null }[] {
  return input.rule.steps
    .filter((step) => !input.done.has(step.id))
    .map((step) => ({
      step,
      at: step.atStart
        ? input.timeline.startedAt
        : instantOf(input.timeline, stepOffsetMs(step, input.timeline.budgetMs)),
    }));
}

/** Which steps fire at `now`, which are skipped, and when to wake up next. */
export function decideFiring(input: FiringInput): FiringDecision {
  const fire: StepPlan[] = [];
  const skip: PolicyStep[] = [];
  let nextWakeUp: Date | null = null;
  const ordered = pendingSteps(input).sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity));
  for (const { step, at } of ordered) {
    if (at === null) continue;
    const acknowledgedInTime = input.acknowledgedAt !== null && input.acknowledgedAt.getTime() <= at.getTime();
    if (step.step === 'acknowledgement-overdue' && acknowledgedInTime) {
      skip.push(step);
    } else if (at.getTime() <= input.now.getTime()) {
      fire.push({ step, scheduledAt: at });
    } else if (nextWakeUp === null) {
      nextWakeUp = at;
    }
  }
  return { fire, skip, nextWakeUp };
}

export interface StopOutcome {
  elapsedSeconds: number;
  withinDeadline: boolean;
}

/**
 * Wall time from start to stop, and whether it stopped by the due time. Compared as instants, not counted time: on a
 * working-day calendar no time counts over a weekend, yet a Saturday after a Friday deadline is late. A paused clock
 * has no due instant; it is within if its counted time had not used up the period (a pause taken after the due time
 * has the whole period counted already, so it is not).
 */
export function stopOutcome(timeline: ClockTimeline, stoppedAt: Date): StopOutcome {
  const dueAt = dueAtOf(timeline);
  return {
    elapsedSeconds: Math.max(0, Math.round((stoppedAt.getTime() - timeline.startedAt.getTime()) / 1000)),
    withinDeadline: dueAt ? stoppedAt.getTime() <= dueAt.getTime() : timeline.consumedMs < timeline.budgetMs,
  };
}
