import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { DeadlineTrackingConfig } from '../config';
import { DatabaseTime } from '../time/database-time';
import { TimerRepository, type DueTimer } from './timer.repository';

/** What a timer does when it fires; runs inside the firing transaction. */
export interface TimerHandler {
  /**
   * The effect of the firings: state changes and outbox events, committed with the claim or not at all. It may
   * leave timers it cannot act on now (an owner a command holds) for the next scan; it marks those it fires with
   * `markFired` before it schedules the owners' next timers. Returns how many it fired.
   */
  fire(timers: readonly DueTimer[], now: Date, markFired: (ids: string[]) => Promise<void>): Promise<number>;
}

export const TIMER_HANDLER = Symbol('TimerHandler');
export const FAULT_EXIT_MID_FIRING = 87;

/**
 * Fires due timers exactly once: claim (FOR UPDATE SKIP LOCKED), effect and outbox rows in one transaction.
 * The lease is the transaction itself: a crashed replica's locks go with its connection; one paused past
 * DEADLINE_FIRING_LEASE_MS is cut off by PostgreSQL (idle_in_transaction_session_timeout), so its commit fails
 * when it wakes up and another replica fires the timers instead.
 */
@Injectable()
export class TimerEngine {
  private readonly logger = new Logger(TimerEngine.name);
  private faultInjected = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timers: TimerRepository,
    private readonly time: DatabaseTime,
    @Inject(TIMER_HANDLER) private readonly handler: TimerHandler,
    @Inject(SERVICE_CONFIG) private readonly config: DeadlineTrackingConfig,
  ) {}

  /** One firing transaction; returns how many timers fired. */
  fireDue(limit: number): Promise<number> {
    return this.unitOfWork.run(async () => {
      const lease = `${this.config.DEADLINE_FIRING_LEASE_MS}ms`;
      const manager = this.unitOfWork.transactional();
      await manager.query(
        `SELECT set_config('idle_in_transaction_session_timeout', $1, true),
                                  set_config('statement_timeout', $1, true)`,
        [lease],
      );
      const now = await this.time.now();
      const claimed = await this.timers.claimDue(now, limit);
      if (claimed.length === 0) return 0;
      const fired = await this.handler.fire(claimed, now, (ids) => this.timers.markFired(ids, now));
      await this.injectFault(fired);
      return fired;
    });
  }

  /** Crash tests only: die (kill -9 alike) or stop (SIGSTOP) after the effects, before the commit. */
  private async injectFault(fired: number): Promise<void> {
    const fault = this.config.DEADLINE_FAULT_MID_FIRING;
    if (fault === 'none' || fired === 0 || this.faultInjected) return;
    this.faultInjected = true;
    this.logger.warn(`fault injection: ${fault} in the middle of firing ${fired} timers, before the commit`);
    if (fault === 'exit') process.exit(FAULT_EXIT_MID_FIRING);
    process.kill(process.pid, 'SIGSTOP');
    // Continued (SIGCONT): go on to the commit, which fails if the lease ran out meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
