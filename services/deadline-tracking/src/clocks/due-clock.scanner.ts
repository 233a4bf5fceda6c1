import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { DeadlineTrackingConfig } from '../config';
import { ClockService } from './clock.service';

const PAGE_SIZE = 100;

/**
 * Looks for due clocks and fires them; safe with several replicas (SKIP LOCKED). One scan at a time: the next is
 * scheduled only when the previous has finished, so scans never overlap and shutdown waits for the one in progress.
 */
@Injectable()
export class DueClockScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DueClockScanner.name);
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly clocks: ClockService,
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
    try {
      // A full page means more may be due: keep firing until a page comes back short.
      while (!this.stopped && (await this.clocks.fireDue(PAGE_SIZE)) === PAGE_SIZE) {
        // the loop condition does the work
      }
    } catch (error) {
      this.logger.warn(`scan for due clocks failed: ${(error as Error).message}`);
    }
  }
}
