import { policyNamed, type ClockRule } from '../policies/policy';
import type { ClockEntity } from './clock.entity';
import { dueAtOf, type ClockTimeline } from './clock-schedule';

/** The rule a clock runs under: its own policy version's initial or reopen rule. */
export function ruleOf(clock: Pick<ClockEntity, 'policy' | 'rule'>): ClockRule {
  return policyNamed(clock.policy)[clock.rule];
}

export function timelineOf(clock: ClockEntity): ClockTimeline {
  return {
    calendar: ruleOf(clock).calendar,
    startedAt: clock.startedAt,
    budgetMs: clock.budgetMs,
    consumedMs: clock.consumedMs,
    runningSince: clock.runningSince,
  };
}

/** Writes a timeline back onto the clock row, with the due time it implies. */
export function applyTimeline(clock: ClockEntity, timeline: ClockTimeline): void {
  clock.budgetMs = timeline.budgetMs;
  clock.consumedMs = timeline.consumedMs;
  clock.runningSince = timeline.runningSince;
  clock.dueAt = dueAtOf(timeline);
}

/** The policy as the `policy` field of events shows it: `complex@2`, or `complex@2:reopen` for a reopen clock. */
export function policyLabel(clock: Pick<ClockEntity, 'policy' | 'rule'>): string {
  return clock.rule === 'initial' ? clock.policy : `${clock.policy}:${clock.rule}`;
}

/** What the clock does by itself (steps, commands) is caused by its `deadline.armed` and carries the story on. */
export function causeOf(clock: ClockEntity): { eventId: string; correlationId: string; petitionId: string } {
  return { eventId: clock.armedEventId, correlationId: clock.correlationId, petitionId: clock.petitionId };
}
