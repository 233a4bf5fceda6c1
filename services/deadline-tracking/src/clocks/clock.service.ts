import { Inject, Injectable } from '@nestjs/common';
import {
  newEventId,
  type DepartmentResolvedV1,
  type EventEnvelope,
  type PetitionAssignedV1,
} from '@petitions/contracts';
import { EventFactory, Outbox, type IncomingEvent } from '@petitions/messaging';
import { CLOCK, lockForTransaction, UnitOfWork, type Clock } from '@petitions/platform';
import { ClockEntity, ResolutionEntity } from './clock.entity';
import { planClock, stopOutcome } from './clock-policy';
import { ClockRepository } from './clock.repository';

@Injectable()
export class ClockService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clocks: ClockRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Arms the resolution clock when a petition is assigned; stops it at once if the resolution came first. */
  async arm({ envelope, payload }: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    await lockForTransaction(this.unitOfWork, `deadlines:petition:${payload.petitionId}`);
    const plan = planClock(payload.complexity, new Date(payload.receivedAt));
    const clock = Object.assign(new ClockEntity(), {
      id: newEventId(),
      petitionId: payload.petitionId,
      departmentCode: payload.departmentCode,
      policy: plan.policy,
      state: 'running',
      startedAt: new Date(payload.receivedAt),
      dueAt: plan.dueAt,
      breachedAt: null,
      stoppedAt: null,
      correlationId: envelope.correlationId,
      armedEventId: newEventId(),
    } satisfies ClockEntity);
    if (!(await this.clocks.insertIfNew(clock))) return;
    await this.outbox.append([
      this.events.create(
        'deadline.armed',
        {
          petitionId: clock.petitionId,
          clockId: clock.id,
          policy: clock.policy,
          departmentCode: clock.departmentCode,
          startedAt: clock.startedAt.toISOString(),
          dueAt: clock.dueAt.toISOString(),
        },
        { key: clock.petitionId, cause: envelope, eventId: clock.armedEventId },
      ),
    ]);
    const resolution = await this.clocks.findResolution(payload.petitionId);
    if (resolution) await this.stop(clock, resolution.resolvedAt, envelope);
  }

  /** Stops the clock on resolution; remembers the resolution if the clock is not armed yet. */
  async resolve({ envelope, payload }: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    await lockForTransaction(this.unitOfWork, `deadlines:petition:${payload.petitionId}`);
    const resolvedAt = new Date(payload.resolvedAt);
    await this.clocks.recordResolution(
      Object.assign(new ResolutionEntity(), {
        petitionId: payload.petitionId,
        departmentCode: payload.departmentCode,
        resolvedAt,
      }),
    );
    const clock = await this.clocks.findByPetition(payload.petitionId);
    if (clock && clock.state !== 'stopped') await this.stop(clock, resolvedAt, envelope);
  }

  /** Fires due clocks: each becomes `breached` and emits `deadline.breached`, exactly once (one transaction). */
  fireDue(limit = 100): Promise<number> {
    return this.unitOfWork.run(async () => {
      const due = await this.clocks.claimDue(limit);
      await this.outbox.append(
        due.map((clock) =>
          this.events.create(
            'deadline.breached',
            {
              petitionId: clock.petitionId,
              clockId: clock.id,
              departmentCode: clock.departmentCode,
              dueAt: new Date(clock.dueAt).toISOString(),
              breachedAt: new Date(clock.breachedAt ?? this.clock.now()).toISOString(),
            },
            {
              key: clock.petitionId,
              cause: { eventId: clock.armedEventId, correlationId: clock.correlationId, petitionId: clock.petitionId },
            },
          ),
        ),
      );
      return due.length;
    });
  }

  private async stop(clock: ClockEntity, stoppedAt: Date, cause: EventEnvelope): Promise<void> {
    const outcome = stopOutcome(clock, stoppedAt);
    clock.state = 'stopped';
    clock.stoppedAt = stoppedAt;
    await this.clocks.save(clock);
    await this.outbox.append([
      this.events.create(
        'deadline.stopped',
        {
          petitionId: clock.petitionId,
          clockId: clock.id,
          reason: 'resolved',
          stoppedAt: stoppedAt.toISOString(),
          ...outcome,
        },
        { key: clock.petitionId, cause },
      ),
    ]);
  }
}
