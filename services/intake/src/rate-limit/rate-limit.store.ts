import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { SLIDING_WINDOW_LUA, type WindowState } from './sliding-window';

interface SlidingWindowRedis extends Redis {
  /** `numberOfKeys`, the keys, then now, member and each key's window and limit (SLIDING_WINDOW_LUA). */
  slidingWindowHit(numberOfKeys: number, ...keysAndArguments: (string | number)[]): Promise<unknown>;
}

/** One bucket's sorted set and its rule, as the script takes them. */
export interface WindowHit {
  readonly key: string;
  readonly windowMs: number;
  readonly limit: number;
}

/** The counters every intake replica shares: one sorted set per bucket and subject, changed only by the script. */
export class RateLimitStore {
  private readonly logger = new Logger(RateLimitStore.name);
  private lastError = '';

  private constructor(private readonly redis: SlidingWindowRedis) {
    // Without a listener ioredis prints every failed reconnect; the limiter reports failures, throttled.
    redis.on('error', (error: Error) => (this.lastError = error.message));
  }

  static connect(url: string): RateLimitStore {
    const redis = new Redis(url, {
      // Fail fast rather than queue: a request waits for the limiter at most commandTimeout, never for an outage.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (attempt: number) => Math.min(attempt * 250, 2000),
      // Every request runs the script (twice on POST /petitions): the calls issued in one turn of the event loop go
      // out in one write. A write on this socket cost as much CPU as intake's own work per request
      // (docs/benchmarks.md).
      enableAutoPipelining: true,
    });
    redis.defineCommand('slidingWindowHit', { lua: SLIDING_WINDOW_LUA });
    return new RateLimitStore(redis as SlidingWindowRedis);
  }

  /** Why the last command or connection failed (for the limiter's warning). */
  get lastFailure(): string {
    return this.lastError;
  }

  async hit(key: string, nowMs: number, windowMs: number, limit: number, member: string): Promise<WindowState> {
    const [state] = await this.hitInOrder([{ key, windowMs, limit }], nowMs, member);
    return state!;
  }

  /**
   * One attempt against several buckets in one round trip, in order, stopping at the first that refuses: the state of
   * each bucket checked (so fewer than `hits` when one refused before the last).
   */
  async hitInOrder(hits: readonly WindowHit[], nowMs: number, member: string): Promise<WindowState[]> {
    const reply = await this.redis.slidingWindowHit(
      hits.length,
      ...hits.map((hit) => hit.key),
      nowMs,
      member,
      ...hits.flatMap((hit) => [hit.windowMs, hit.limit]),
    );
    const valid =
      Array.isArray(reply) &&
      reply.length > 0 &&
      reply.length <= hits.length * 3 &&
      reply.length % 3 === 0 &&
      reply.every((value) => typeof value === 'number');
    if (!valid) throw new Error(`unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`);
    const states: WindowState[] = [];
    for (let index = 0; index < reply.length; index += 3) {
      const [admitted, count, oldestMs] = reply.slice(index, index + 3) as [number, number, number];
      states.push({ admitted: admitted === 1, count, oldestMs });
    }
    return states;
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch (error) {
      // Already disconnected (Redis down): nothing to flush, drop the socket.
      this.logger.debug(`closing Redis: ${error instanceof Error ? error.message : String(error)}`);
      this.redis.disconnect();
    }
  }
}
