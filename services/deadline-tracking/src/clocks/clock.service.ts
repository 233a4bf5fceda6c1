import { Injectable } from '@nestjs/common';
import {
  newEventId,
  type DepartmentAcknowledgedV1,
  type DepartmentResolvedV1,
  type EventEnvelope,
  type PetitionAssignedV1,
} from '@petitions/contracts';
import { EventFactory, Outbox, type IncomingEvent } from '@petitions/messaging';
import { lockForTransaction, UnitOfWork } from '@petitions/platform';
import { currentPolicyFor, policyNamed, type RuleName } from '../policies/policy';
import { TimerRepository } from '../timers/timer.repository';
import { ParkedReopenEntity } from './clock-life.entity';
import { ClockLifeRepository } from './clock-life.repository';
import { AcknowledgementEntity, ClockEntity, ResolutionEntity } from './clock.entity';
import { ClockRepository } from './clock.repository';
import { consumedAt, pendingSteps, startTimeline, stopOutcome } from './clock-schedule';
import { applyTimeline, policyLabel, ruleOf, timelineOf } from './clock-timeline';
import { Holdings } from './holdings';

/** What `petition.reopened` v1 (intake, on petition.events) carries that a reopen clock needs. */
export interface Reopening {
  petitionId: string;
  reopenCount: number;
  previousDepartmentCode: string;
  reopenedAt: string;
}

type Cause = Pick<EventEnvelope, 'eventId' | 'correlationId' | 'petitionId'>;

interface ArmSpec {
  petitionId: string;
  round: number;
  departmentCode: string;
  town: string | null;
  policy: string;
  rule: RuleName;
  startedAt: Date;
}

/** A petition's clocks as the other services' events move them: armed, transferred, acknowledged, stopped, reopened. */
@Injectable()
export class ClockService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clocks: ClockRepository,
    private readonly timers: TimerRepository,
    private readonly holdings: Holdings,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly life: ClockLifeRepository,
  ) {}

  /**
   * Arms round 1 under the current policy when a petition is assigned; a later assignment to another department is
   * a transfer (the clock runs on, the holding changes hands).
   */
  async assign({ envelope, payload }: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    await this.lockPetition(payload.petitionId);
    const latest = await this.clocks.latestForUpdate(payload.petitionId);
    if (latest) {
      if (latest.state === 'stopped' || latest.departmentCode === payload.departmentCode) return;
      return this.holdings.transfer(latest, payload.departmentCode, new Date(payload.assignedAt), envelope);
    }
    await this.arm(
      {
        petitionId: payload.petitionId,
        round: 1,
        departmentCode: payload.departmentCode,
        town: payload.town ?? null,
        policy: currentPolicyFor(payload.complexity, payload.urgent).id,
        rule: 'initial',
        startedAt: new Date(payload.receivedAt),
      },
      envelope,
    );
  }

  async acknowledge({ payload }: IncomingEvent<DepartmentAcknowledgedV1>): Promise<void> {
    await this.clocks.recordAcknowledgement(
      Object.assign(new AcknowledgementEntity(), {
        petitionId: payload.petitionId,
        departmentCode: payload.departmentCode,
        acknowledgedAt: new Date(payload.acknowledgedAt),
      }),
    );
  }

  /** Stops the running clock on resolution; parks the resolution if no clock is running yet. */
  async resolve({ envelope, payload }: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    await this.lockPetition(payload.petitionId);
    const clock = await this.clocks.latestForUpdate(payload.petitionId);
    const running = clock && clock.state !== 'stopped' ? clock : null;
    const resolution = Object.assign(new ResolutionEntity(), {
      id: envelope.eventId,
      petitionId: payload.petitionId,
      departmentCode: payload.departmentCode,
      resolvedAt: new Date(payload.resolvedAt),
      clockId: running?.id ?? null,
    } satisfies ResolutionEntity);
    await this.clocks.recordResolution(resolution);
    if (running) await this.stop(running, resolution.resolvedAt, envelope);
  }

  /**
   * A reopened petition gets a new clock under the shorter reopen rule of the policy version it started under. If the
   * clock before it has not stopped yet (its resolution still on the way), the reopening waits for that.
   */
  async reopen(reopening: Reopening, envelope: EventEnvelope): Promise<void> {
    await this.lockPetition(reopening.petitionId);
    const latest = await this.clocks.latestForUpdate(reopening.petitionId);
    const round = reopening.reopenCount + 1;
    if (!latest || latest.round >= round) return;
    const parked = Object.assign(new ParkedReopenEntity(), {
      petitionId: reopening.petitionId,
      round,
      departmentCode: reopening.previousDepartmentCode,
      reopenedAt: new Date(reopening.reopenedAt),
      correlationId: envelope.correlationId,
      causeEventId: envelope.eventId,
    } satisfies ParkedReopenEntity);
    if (latest.state !== 'stopped' || latest.round !== round - 1) return this.life.parkReopen(parked);
    await this.armReopen(latest, parked);
  }

  private async armReopen(previous: ClockEntity, reopen: ParkedReopenEntity): Promise<void> {
    await this.arm(
      {
        petitionId: previous.petitionId,
        round: reopen.round,
        departmentCode: reopen.departmentCode,
        town: previous.town,
        policy: previous.policy,
        rule: 'reopen',
        startedAt: reopen.reopenedAt,
      },
      { eventId: reopen.causeEventId, correlationId: reopen.correlationId, petitionId: reopen.petitionId },
    );
  }

  private async arm(spec: ArmSpec, cause: Cause): Promise<void> {
    const policy = policyNamed(spec.policy);
    const clock = Object.assign(new ClockEntity(), {
      id: newEventId(),
      ...spec,
      state: 'running',
      budgetMs: 0,
      consumedMs: 0,
      runningSince: null,
      dueAt: null,
      breachedAt: null,
      stoppedAt: null,
      extensionsAllowed: policy.extensionsAllowed,
      correlationId: cause.correlationId,
      armedEventId: newEventId(),
    } satisfies ClockEntity);
    const timeline = startTimeline(policy[spec.rule], spec.startedAt);
    applyTimeline(clock, timeline);
    if (!(await this.clocks.insertIfNew(clock))) return;
    await this.outbox.append([
      this.events.create(
        'deadline.armed',
        {
          petitionId: clock.petitionId,
          clockId: clock.id,
          policy: policyLabel(clock),
          departmentCode: clock.departmentCode,
          startedAt: clock.startedAt.toISOString(),
          dueAt: (clock.dueAt ?? clock.startedAt).toISOString(),
        },
        { key: clock.petitionId, cause, eventId: clock.armedEventId },
      ),
    ]);
    await this.holdings.open(clock, clock.startedAt);
    const first = pendingSteps({ timeline, rule: ruleOf(clock), done: new Set(), acknowledgedAt: null })
      .map((entry) => entry.at?.getTime() ?? Infinity)
      .reduce((a, b) => Math.min(a, b), Infinity);
    if (Number.isFinite(first)) await this.timers.schedule(clock.id, new Date(first));
    const parked = await this.clocks.parkedResolution(clock.petitionId);
    if (parked && parked.resolvedAt.getTime() >= clock.startedAt.getTime()) {
      await this.clocks.attachResolution(parked.id, clock.id);
      await this.stop(clock, parked.resolvedAt, { ...cause, eventId: clock.armedEventId });
    }
  }

  private async stop(clock: ClockEntity, stoppedAt: Date, cause: Cause): Promise<void> {
    const timeline = timelineOf(clock);
    const outcome = stopOutcome(timeline, stoppedAt);
    await this.holdings.close(clock, stoppedAt, 'stopped', cause);
    clock.state = 'stopped';
    clock.stoppedAt = stoppedAt;
    clock.runningSince = null;
    clock.consumedMs = consumedAt(timeline, stoppedAt);
    await this.clocks.save(clock);
    await this.timers.cancel(clock.id);
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
    const reopen = await this.life.parkedReopen(clock.petitionId, clock.round + 1);
    if (!reopen) return;
    await this.life.dropParkedReopen(reopen.petitionId, reopen.round);
    await this.armReopen(clock, reopen);
  }

  private lockPetition(petitionId: string): Promise<void> {
    return lockForTransaction(this.unitOfWork, `deadlines:petition:${petitionId}`);
  }
}
