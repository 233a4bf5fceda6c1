import { Logger } from '@nestjs/common';
import { ManualClock } from '@petitions/platform';
import { DEFAULT_RATE_LIMITS } from './rate-limit-rules';
import type { RateLimitStore } from './rate-limit.store';
import { RateLimiter, RateLimitSettings } from './rate-limiter';
import type { WindowState } from './sliding-window';

const T0 = new Date('2026-11-28T09:00:00.000Z');

function limiterWith(hit: (key: string) => Promise<WindowState>, clock: ManualClock): RateLimiter {
  const store = { hit, lastFailure: 'connect ECONNREFUSED 127.0.0.1:6379' } as unknown as RateLimitStore;
  return new RateLimiter(store, new RateLimitSettings(DEFAULT_RATE_LIMITS, 'intake:rl:t:'), clock);
}

describe('RateLimiter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('counts under intake:rl:<bucket>:<subject> and turns the store reply into a verdict', async () => {
    const keys: string[] = [];
    const limiter = limiterWith(async (key) => {
      keys.push(key);
      return { admitted: true, count: 1, oldestMs: T0.getTime() };
    }, new ManualClock(T0));
    expect(await limiter.hit('channel-key', 'demo-app')).toEqual({
      allowed: true,
      limit: 600,
      remaining: 599,
      resetSeconds: 60,
    });
    expect(keys).toEqual(['intake:rl:t:channel-key:demo-app']);
  });

  it('given Redis fails, then it lets requests through and warns at most once a minute', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const clock = new ManualClock(T0);
    const limiter = limiterWith(() => Promise.reject(new Error('Connection is closed.')), clock);
    expect(await limiter.hit('source', '10.0.0.1')).toBeUndefined();
    clock.advanceBy(59_000);
    expect(await limiter.hit('source', '10.0.0.1')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/rate limiter unavailable, requests are NOT being limited/);
    expect(warn.mock.calls[0]?.[0]).toMatch(/Connection is closed\..*ECONNREFUSED/);
    clock.advanceBy(1_000);
    expect(await limiter.hit('source', '10.0.0.1')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
