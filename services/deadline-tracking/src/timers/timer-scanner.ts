import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { DeadlineTrackingConfig } from '../config';
import { TimerEngine } from './timer-engine';

/**
 * Looks for due timers every DEADLINE_SCAN_INTERVAL_MS and fires them, page after page while anything fires
 * (so after downtime the backlog drains at once, in due order). One scan at a time; shutdown waits for it.
 */
@Injectable()
export class TimerScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimerScanner.name);
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly engine: TimerEngine,
    @Inject(SERVICE_CONFIG) private readonly config: DeadlineTrackingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.scanning;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.scanning = this.scan().finally(() => this.schedule());
    }, this.config.DEADLINE_SCAN_INTERVAL_MS);
  }

  private async scan(): Promise<void> {
    const page = this.config.DEADLINE_FIRING_BATCH;
    try {
      // Anything fired means more may be due (a firing stops at the first clock whose next step is due at once).
      while (!this.stopped && (await this.engine.fireDue(page)) > 0) {
        // the loop condition does the work
      }
    } catch (error) {
      this.logger.warn(`firing due timers failed: ${(error as Error).message}`);
    }
  }
}
