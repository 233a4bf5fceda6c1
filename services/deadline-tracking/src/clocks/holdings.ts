import { Injectable } from '@nestjs/common';
import { newEventId, type EventEnvelope, type HoldingEnd } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { HoldingEntity } from './clock-life.entity';
import { ClockLifeRepository } from './clock-life.repository';
import type { ClockEntity } from './clock.entity';
import { ClockRepository } from './clock.repository';
import { consumedAt } from './clock-schedule';
import { timelineOf } from './clock-timeline';

type Cause = Pick<EventEnvelope, 'eventId' | 'correlationId' | 'petitionId'>;

/** Who held the clock: a holding per department and stretch of time, closed on transfer and on stop. */
@Injectable()
export class Holdings {
  constructor(
    private readonly life: ClockLifeRepository,
    private readonly clocks: ClockRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {}

  async open(clock: ClockEntity, at: Date): Promise<void> {
    await this.life.openHolding(
      Object.assign(new HoldingEntity(), {
        id: newEventId(),
        clockId: clock.id,
        petitionId: clock.petitionId,
        departmentCode: clock.departmentCode,
        heldFrom: at,
        heldUntil: null,
        consumedAtStartMs: consumedAt(timelineOf(clock), at),
        countedMs: null,
        endedBy: null,
      } satisfies HoldingEntity),
    );
  }

  /** Closes the open holding and announces how long the department held the clock. */
  async close(clock: ClockEntity, at: Date, endedBy: HoldingEnd, cause: Cause): Promise<void> {
    const holding = await this.life.openHoldingOf(clock.id);
    if (!holding) return;
    const until = new Date(Math.max(at.getTime(), holding.heldFrom.getTime()));
    holding.heldUntil = until;
    holding.countedMs = Math.max(0, consumedAt(timelineOf(clock), until) - holding.consumedAtStartMs);
    holding.endedBy = endedBy;
    await this.life.saveHolding(holding);
    await this.outbox.append([
      this.events.create(
        'deadline.holding-recorded',
        {
          petitionId: clock.petitionId,
          clockId: clock.id,
          departmentCode: holding.departmentCode,
          heldFrom: holding.heldFrom.toISOString(),
          heldUntil: until.toISOString(),
          heldSeconds: Math.round((until.getTime() - holding.heldFrom.getTime()) / 1000),
          countedSeconds: Math.round(holding.countedMs / 1000),
          endedBy,
        },
        { key: clock.petitionId, cause },
      ),
    ]);
  }

  /** A transfer: the clock runs on (transfers do not reset it); the new department holds it from `at`. */
  async transfer(clock: ClockEntity, departmentCode: string, at: Date, cause: Cause): Promise<void> {
    await this.close(clock, at, 'transferred', cause);
    clock.departmentCode = departmentCode;
    await this.clocks.save(clock);
    await this.open(clock, at);
  }
}
