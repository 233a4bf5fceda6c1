import type { Complexity } from '@petitions/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ClockPlan {
  policy: string;
  dueAt: Date;
}

/** Natural-day policy of the walking skeleton: general 5 days, complex 15 days (calendars: issue #5). */
export function planClock(complexity: Complexity, receivedAt: Date): ClockPlan {
  switch (complexity) {
    case 'general':
      return { policy: 'general@1', dueAt: new Date(receivedAt.getTime() + 5 * DAY_MS) };
    case 'complex':
      return { policy: 'complex@1', dueAt: new Date(receivedAt.getTime() + 15 * DAY_MS) };
  }
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
