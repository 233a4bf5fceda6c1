import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { SLIDING_WINDOW_LUA, type WindowState } from './sliding-window';

interface SlidingWindowRedis extends Redis {
  slidingWindowHit(key: string, nowMs: number, windowMs: number, limit: number, member: string): Promise<unknown>;
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
    redis.defineCommand('slidingWindowHit', { numberOfKeys: 1, lua: SLIDING_WINDOW_LUA });
    return new RateLimitStore(redis as SlidingWindowRedis);
  }

  /** Why the last command or connection failed (for the limiter's warning). */
  get lastFailure(): string {
    return this.lastError;
  }

  async hit(key: string, nowMs: number, windowMs: number, limit: number, member: string): Promise<WindowState> {
    const reply = await this.redis.slidingWindowHit(key, nowMs, windowMs, limit, member);
    if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((value) => typeof value === 'number')) {
      throw new Error(`unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`);
    }
    const [admitted, count, oldestMs] = reply as [number, number, number];
    return { admitted: admitted === 1, count, oldestMs };
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
