import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '@petitions/platform';
import type { RateLimitBucket, RateLimitRules } from './rate-limit-rules';
import { RateLimitStore } from './rate-limit.store';
import { verdictOf, type RateLimitVerdict } from './sliding-window';
import { shouldWarn } from './warning-throttle';

/** The rules and key prefix the limiter runs with (from IntakeConfig). */
export class RateLimitSettings {
  constructor(
    readonly rules: RateLimitRules,
    /** Starts with `intake:rl:`; tests add a run of their own after it. */
    readonly keyPrefix: string,
  ) {}
}

/**
 * Counts one request against a bucket for one subject (a key id or an address) in Redis, shared by every replica.
 * When Redis cannot answer it lets the request through (undefined): a petition must never be refused because the
 * limiter is down. It says so in a warning at most once a minute.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private lastWarnedMs: number | undefined;

  constructor(
    private readonly store: RateLimitStore,
    private readonly settings: RateLimitSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async hit(bucket: RateLimitBucket, subject: string): Promise<RateLimitVerdict | undefined> {
    const rule = this.settings.rules[bucket];
    const nowMs = this.clock.now().getTime();
    try {
      const state = await this.store.hit(
        `${this.settings.keyPrefix}${bucket}:${subject}`,
        nowMs,
        rule.windowSeconds * 1000,
        rule.limit,
        `${nowMs}:${randomUUID()}`,
      );
      return verdictOf(state, nowMs, rule);
    } catch (error) {
      this.warnFailingOpen(nowMs, error);
      return undefined;
    }
  }

  private warnFailingOpen(nowMs: number, error: unknown): void {
    if (!shouldWarn(this.lastWarnedMs, nowMs)) return;
    this.lastWarnedMs = nowMs;
    const reason = error instanceof Error ? error.message : String(error);
    const connection = this.store.lastFailure ? `; last connection error: ${this.store.lastFailure}` : '';
    this.logger.warn(
      `rate limiter unavailable, requests are NOT being limited (${reason}${connection}); next warning in a minute at most`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
