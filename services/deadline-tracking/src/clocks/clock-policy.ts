import type { Complexity } from '@petitions/contracts';
import { resolveWithinDays } from '@petitions/district';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ClockPlan {
  policy: string;
  dueAt: Date;
}

/** Natural-day policy of the walking skeleton: the district's days per complexity (calendars: issue #5). */
export function planClock(complexity: Complexity, receivedAt: Date): ClockPlan {
  return {
    policy: `${complexity}@1`,
    dueAt: new Date(receivedAt.getTime() + resolveWithinDays(complexity) * DAY_MS),
  };
}

export interface StopOutcome {
  elapsedSeconds: number;
  withinDeadline: boolean;
}

export function stopOutcome(clock: { startedAt: Date; dueAt: Date }, stoppedAt: Date): StopOutcome {
  return {
    elapsedSeconds: Math.max(0, Math.round((stoppedAt.getTime() - clock.startedAt.getTime()) / 1000)),
    withinDeadline: stoppedAt.getTime() <= clock.dueAt.getTime(),
  };
}
