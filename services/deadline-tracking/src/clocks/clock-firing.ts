import { Injectable } from '@nestjs/common';
import { newEventId } from '@petitions/contracts';
import { EventFactory, Outbox, type PendingEvent } from '@petitions/messaging';
import { recipientsOf } from '../policies/policy';
import type { TimerHandler } from '../timers/timer-engine';
import { TimerRepository, type DueTimer } from '../timers/timer.repository';
import { ClockStepEntity, type ClockEntity } from './clock.entity';
import { ClockRepository } from './clock.repository';
import { decideFiring, type StepPlan } from './clock-schedule';
import { causeOf, policyLabel, ruleOf, timelineOf } from './clock-timeline';

/**
 * Moves clocks forward in time: fires the steps that are due (one `deadline.step-reached` each, plus
 * `deadline.breached` at the breach), records them under the (clock, step) primary key, and sets the clock's next
 * wake-up timer. The timer engine calls it for due timers; commands call it to catch up before they change a clock.
 */
@Injectable()
export class ClockFiring implements TimerHandler {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly timers: TimerRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {}

  /**
   * Fires due timers in due order, one step per clock per firing: a clock whose next step is due at once gets a
   * timer that is already due, and the batch stops before any timer due after it. So after downtime the backlog
   * fires in due order across clocks, not clock by clock.
   */
  async fire(due: readonly DueTimer[], now: Date, markFired: (ids: string[]) => Promise<void>): Promise<number> {
    const free = new Map((await this.clocks.lockFree(due.map((timer) => timer.ownerId))).map((c) => [c.id, c]));
    let horizon = Infinity;
    let fired = 0;
    for (const timer of due) {
      const clock = free.get(timer.ownerId);
      if (!clock) continue;
      if (new Date(timer.dueAt).getTime() > horizon) break;
      await markFired([timer.id]);
      const next = await this.advance(clock, now, 1);
      if (next && next.getTime() <= now.getTime()) horizon = Math.min(horizon, next.getTime());
      fired += 1;
    }
    return fired;
  }

  /**
   * Fires what is due at `now` on a clock the caller has locked (at most `maxSteps`, earliest first) and sets its
   * next wake-up, which it returns.
   */
  async advance(clock: ClockEntity, now: Date, maxSteps = Infinity): Promise<Date | null> {
    if (clock.state === 'stopped') {
      await this.timers.cancel(clock.id);
      return null;
    }
    const decided = decideFiring({
      timeline: timelineOf(clock),
      rule: ruleOf(clock),
      done: await this.clocks.doneStepIds(clock.id),
      acknowledgedAt: await this.clocks.acknowledgedAt(clock.petitionId, clock.departmentCode),
      now,
    });
    const decision = {
      ...decided,
      fire: decided.fire.slice(0, maxSteps),
      nextWakeUp: decided.fire[maxSteps]?.scheduledAt ?? decided.nextWakeUp,
    };
    const skipped = decision.skip.map((step) =>
      Object.assign(new ClockStepEntity(), {
        clockId: clock.id,
        stepId: step.id,
        outcome: 'skipped',
        scheduledAt: null,
        reachedAt: now,
        eventId: null,
      } satisfies ClockStepEntity),
    );
    const fired = decision.fire.map((plan) => this.stepEvents(clock, plan, now));
    await this.clocks.recordSteps([...skipped, ...fired.map((entry) => entry.row)]);
    await this.outbox.append(fired.flatMap((entry) => entry.events));
    if (decision.fire.some((plan) => plan.step.breach) && !clock.breachedAt) {
      clock.breachedAt = now;
      await this.clocks.save(clock);
    }
    if (decision.nextWakeUp) await this.timers.schedule(clock.id, decision.nextWakeUp);
    else await this.timers.cancel(clock.id);
    return decision.nextWakeUp;
  }

  private stepEvents(clock: ClockEntity, plan: StepPlan, now: Date): { row: ClockStepEntity; events: PendingEvent[] } {
    const cause = causeOf(clock);
    const eventId = newEventId();
    const events: PendingEvent[] = [
      this.events.create(
        'deadline.step-reached',
        {
          petitionId: clock.petitionId,
          clockId: clock.id,
          policy: policyLabel(clock),
          step: plan.step.step,
          stepId: plan.step.id,
          departmentCode: clock.departmentCode,
          scheduledAt: plan.scheduledAt.toISOString(),
          reachedAt: now.toISOString(),
          dueAt: (clock.dueAt ?? plan.scheduledAt).toISOString(),
          notify: recipientsOf(plan.step, clock),
        },
        { key: clock.petitionId, cause, eventId },
      ),
    ];
    if (plan.step.breach) {
      events.push(
        this.events.create(
          'deadline.breached',
          {
            petitionId: clock.petitionId,
            clockId: clock.id,
            departmentCode: clock.departmentCode,
            dueAt: plan.scheduledAt.toISOString(),
            breachedAt: now.toISOString(),
          },
          { key: clock.petitionId, cause },
        ),
      );
    }
    const row = Object.assign(new ClockStepEntity(), {
      clockId: clock.id,
      stepId: plan.step.id,
      outcome: 'fired',
      scheduledAt: plan.scheduledAt,
      reachedAt: now,
      eventId,
    } satisfies ClockStepEntity);
    return { row, events };
  }
}
