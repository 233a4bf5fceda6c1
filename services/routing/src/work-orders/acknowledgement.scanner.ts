import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { RoutingConfig } from '../config';
import { EscalationService } from './escalation.service';

const PAGE_SIZE = 100;

/**
 * Looks for work orders not acknowledged in time and escalates them; safe with several replicas (SKIP LOCKED). One
 * scan at a time: the next is scheduled when the previous has finished, and shutdown waits for the one in progress.
 */
@Injectable()
export class AcknowledgementScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AcknowledgementScanner.name);
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly escalations: EscalationService,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
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
    }, this.config.ROUTING_ACK_SCAN_INTERVAL_MS);
  }

  private async scan(): Promise<void> {
    try {
      while (!this.stopped && (await this.escalations.escalateOverdue(PAGE_SIZE)) === PAGE_SIZE) {
        // a full page means more may be overdue
      }
    } catch (error) {
      this.logger.warn(`scan for overdue acknowledgements failed: ${(error as Error).message}`);
    }
  }
}
