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

/** This request's entry in the buckets' logs: unique, so that two requests in one millisecond count twice. */
function member(nowMs: number): string {
  return `${nowMs}:${randomUUID()}`;
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
    return this.failingOpen(async (nowMs) => {
      const state = await this.store.hit(
        this.keyOf(bucket, subject),
        nowMs,
        rule.windowSeconds * 1000,
        rule.limit,
        member(nowMs),
      );
      return verdictOf(state, nowMs, rule);
    });
  }

  /**
   * One request against several buckets, in one round trip to Redis: checked in order, and those after the first
   * that refuses are not charged. A verdict for each bucket checked; undefined when Redis cannot answer.
   */
  hitInOrder(
    hits: readonly { readonly bucket: RateLimitBucket; readonly subject: string }[],
  ): Promise<RateLimitVerdict[] | undefined> {
    const rules = hits.map(({ bucket }) => this.settings.rules[bucket]);
    return this.failingOpen(async (nowMs) => {
      const states = await this.store.hitInOrder(
        hits.map(({ bucket, subject }, index) => ({
          key: this.keyOf(bucket, subject),
          windowMs: rules[index]!.windowSeconds * 1000,
          limit: rules[index]!.limit,
        })),
        nowMs,
        member(nowMs),
      );
      return states.map((state, index) => verdictOf(state, nowMs, rules[index]!));
    });
  }

  private keyOf(bucket: RateLimitBucket, subject: string): string {
    return `${this.settings.keyPrefix}${bucket}:${subject}`;
  }

  private async failingOpen<T>(attempt: (nowMs: number) => Promise<T>): Promise<T | undefined> {
    const nowMs = this.clock.now().getTime();
    try {
      return await attempt(nowMs);
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
