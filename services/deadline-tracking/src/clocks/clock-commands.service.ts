import { Injectable } from '@nestjs/common';
import { newEventId, type EventPayloads, type EventType, type PauseReason } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { lockForTransaction, UnitOfWork } from '@petitions/platform';
import { DatabaseTime } from '../time/database-time';
import { ExtensionEntity, PauseEntity } from './clock-life.entity';
import { ClockLifeRepository } from './clock-life.repository';
import { ClockCommandError, ClockCommandErrorCode as Code } from './clock-command.error';
import type { ClockEntity } from './clock.entity';
import { ClockRepository } from './clock.repository';
import { ClockFiring } from './clock-firing';
import { extendTimeline, pauseTimeline, resumeTimeline } from './clock-schedule';
import { applyTimeline, causeOf, timelineOf } from './clock-timeline';
import { extensionRefusal, levelAbove, type ApproverLevel } from './extension-rules';

export interface PauseCommand {
  departmentCode: string;
  reason: PauseReason;
  comment?: string;
}
export interface ExtensionRequest {
  departmentCode: string;
  days: number;
  reason: string;
}
export interface ExtensionDecision {
  approved: boolean;
  decidedBy: string;
  level: ApproverLevel;
  /** "Once unless approved again": the level above may allow the department one more request. */
  allowAnother?: boolean;
}

/**
 * Commands on a petition's current clock, at database time: pause and resume (the department waits on the citizen
 * or a third party), extension requested by the holding department and decided by the level above.
 */
@Injectable()
export class ClockCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clocks: ClockRepository,
    private readonly life: ClockLifeRepository,
    private readonly firing: ClockFiring,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly time: DatabaseTime,
  ) {}

  pause(petitionId: string, command: PauseCommand): Promise<{ pauseId: string }> {
    return this.onClock(petitionId, async (clock, now) => {
      if (clock.state !== 'running') throw new ClockCommandError(Code.NotRunning, `clock is ${clock.state}`);
      this.assertHolder(clock, command.departmentCode);
      applyTimeline(clock, pauseTimeline(timelineOf(clock), now));
      clock.state = 'paused';
      await this.clocks.save(clock);
      await this.firing.advance(clock, now); // nothing counts while paused: cancels the wake-up
      const pause = Object.assign(new PauseEntity(), {
        id: newEventId(),
        clockId: clock.id,
        reason: command.reason,
        comment: command.comment ?? null,
        departmentCode: command.departmentCode,
        pausedAt: now,
        resumedAt: null,
      } satisfies PauseEntity);
      await this.life.savePause(pause);
      await this.emit(clock, 'deadline.paused', {
        petitionId,
        clockId: clock.id,
        reason: command.reason,
        ...(command.comment ? { comment: command.comment } : {}),
        departmentCode: command.departmentCode,
        pausedAt: now.toISOString(),
      });
      return { pauseId: pause.id };
    });
  }

  resume(petitionId: string, departmentCode: string): Promise<{ dueAt: string }> {
    return this.onClock(petitionId, async (clock, now) => {
      if (clock.state !== 'paused') throw new ClockCommandError(Code.NotPaused, `clock is ${clock.state}`);
      this.assertHolder(clock, departmentCode);
      const pause = await this.life.openPauseOf(clock.id);
      applyTimeline(clock, resumeTimeline(timelineOf(clock), now));
      clock.state = 'running';
      await this.clocks.save(clock);
      await this.firing.advance(clock, now);
      if (pause) {
        pause.resumedAt = now;
        await this.life.savePause(pause);
      }
      const dueAt = (clock.dueAt ?? now).toISOString();
      await this.emit(clock, 'deadline.resumed', {
        petitionId,
        clockId: clock.id,
        resumedAt: now.toISOString(),
        pausedSeconds: pause ? Math.round((now.getTime() - pause.pausedAt.getTime()) / 1000) : 0,
        dueAt,
      });
      return { dueAt };
    });
  }

  requestExtension(petitionId: string, request: ExtensionRequest): Promise<{ extensionId: string }> {
    return this.onClock(petitionId, async (clock, now) => {
      if (clock.state === 'stopped') throw new ClockCommandError(Code.NotRunning, 'clock is stopped');
      this.assertHolder(clock, request.departmentCode);
      const refusal = extensionRefusal(clock.extensionsAllowed, await this.life.extensionsOf(clock.id));
      if (refusal) throw new ClockCommandError(refusal.code, refusal.message);
      const extension = Object.assign(new ExtensionEntity(), {
        id: newEventId(),
        clockId: clock.id,
        departmentCode: request.departmentCode,
        days: request.days,
        reason: request.reason,
        requestedAt: now,
        state: 'requested',
        decidedBy: null,
        decidedAt: null,
        allowAnother: false,
      } satisfies ExtensionEntity);
      await this.life.saveExtension(extension);
      await this.emit(clock, 'deadline.extension-requested', {
        petitionId,
        clockId: clock.id,
        extensionId: extension.id,
        departmentCode: request.departmentCode,
        days: request.days,
        reason: request.reason,
        requestedAt: now.toISOString(),
      });
      return { extensionId: extension.id };
    });
  }

  decideExtension(petitionId: string, extensionId: string, decision: ExtensionDecision): Promise<{ dueAt: string }> {
    return this.onClock(petitionId, async (clock, now) => {
      const extension = (await this.life.extensionsOf(clock.id)).find((candidate) => candidate.id === extensionId);
      if (!extension) throw new ClockCommandError(Code.NoSuchExtension, `no extension ${extensionId} on this clock`);
      if (extension.state !== 'requested') throw new ClockCommandError(Code.AlreadyDecided, extension.state);
      if (decision.level !== levelAbove(extension.departmentCode)) {
        throw new ClockCommandError(
          Code.NotLevelAbove,
          `${extension.departmentCode} answers to ${levelAbove(extension.departmentCode)}`,
        );
      }
      await this.firing.advance(clock, now); // steps due before the decision fire at their own time
      Object.assign(extension, {
        state: decision.approved ? 'approved' : 'rejected',
        decidedBy: decision.decidedBy,
        decidedAt: now,
        allowAnother: decision.approved && decision.allowAnother === true,
      });
      await this.life.saveExtension(extension);
      if (decision.approved && clock.state !== 'stopped') {
        applyTimeline(clock, extendTimeline(timelineOf(clock), extension.days));
        await this.clocks.save(clock);
        await this.firing.advance(clock, now);
      }
      const dueAt = (clock.dueAt ?? now).toISOString();
      await this.emit(clock, 'deadline.extension-decided', {
        petitionId,
        clockId: clock.id,
        extensionId,
        decision: decision.approved ? 'approved' : 'rejected',
        decidedBy: decision.decidedBy,
        decidedAt: now.toISOString(),
        dueAt,
      });
      return { dueAt };
    });
  }

  /** Runs `work` on the petition's current clock, locked, at database time, in one transaction. */
  private onClock<T>(petitionId: string, work: (clock: ClockEntity, now: Date) => Promise<T>): Promise<T> {
    return this.unitOfWork.run(async () => {
      await lockForTransaction(this.unitOfWork, `deadlines:petition:${petitionId}`);
      const clock = await this.clocks.latestForUpdate(petitionId);
      if (!clock) throw new ClockCommandError(Code.NoClock, `no clock for petition ${petitionId}`);
      const now = await this.time.now();
      await this.firing.advance(clock, now);
      return work(clock, now);
    });
  }

  private assertHolder(clock: ClockEntity, departmentCode: string): void {
    if (clock.departmentCode !== departmentCode) {
      throw new ClockCommandError(
        Code.NotHolder,
        `${departmentCode} does not hold this clock (${clock.departmentCode} does)`,
      );
    }
  }

  private async emit<T extends EventType>(clock: ClockEntity, type: T, payload: EventPayloads[T]): Promise<void> {
    const cause = causeOf(clock);
    await this.outbox.append([this.events.create(type, payload, { key: clock.petitionId, cause })]);
  }
}
