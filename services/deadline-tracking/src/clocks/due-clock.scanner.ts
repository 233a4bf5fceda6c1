import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { DeadlineTrackingConfig } from '../config';
import { ClockService } from './clock.service';

/** Looks for due clocks on a fixed interval and fires them; safe with several replicas (SKIP LOCKED). */
@Injectable()
export class DueClockScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DueClockScanner.name);
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly clocks: ClockService,
    @Inject(SERVICE_CONFIG) private readonly config: DeadlineTrackingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.scanning = this.scan();
    }, this.config.DEADLINE_SCAN_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.scanning;
  }

  private async scan(): Promise<void> {
    try {
      while ((await this.clocks.fireDue()) > 0) {
        // keep firing while whole pages come back
      }
    } catch (error) {
      this.logger.warn(`scan for due clocks failed: ${(error as Error).message}`);
    }
  }
}
