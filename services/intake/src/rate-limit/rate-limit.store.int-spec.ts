import { randomBytes } from 'node:crypto';
import { expectEventually } from '@petitions/testing';
import { RateLimitStore } from './rate-limit.store';
import { slidingWindowHit, type WindowState } from './sliding-window';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('the rate-limit Lua script in Redis agrees with its TypeScript reference', () => {
  let store: RateLimitStore;

  beforeAll(() => {
    store = RateLimitStore.connect(REDIS_URL);
  });

  afterAll(async () => {
    await store?.close();
  });

  it('on one sequence of attempts (bursts, refusals, expiries), attempt for attempt', async () => {
    const key = `intake:rl:it-store-${randomBytes(4).toString('hex')}:source:10.0.0.1`;
    const rule = { limit: 5, windowSeconds: 1 };
    // Deterministic spacing: bursts inside the window, gaps that let some entries expire, one that empties it.
    const gapsMs = [0, 0, 10, 10, 10, 10, 10, 300, 300, 250, 1, 1, 400, 700, 0, 0, 0, 0, 0, 0, 2500, 999, 1];
    let now = Date.parse('2026-11-28T09:00:00.000Z');
    let log: readonly number[] = [];
    const fromRedis: WindowState[] = [];
    const fromReference: WindowState[] = [];
    for (const [index, gap] of gapsMs.entries()) {
      now += gap;
      // The client connects in the background and refuses commands until then (a refused command ran nothing).
      const member = `m${index}`;
      fromRedis.push(
        await expectEventually(() => store.hit(key, now, rule.windowSeconds * 1000, rule.limit, member), {
          timeoutMs: 5000,
          description: 'Redis answers',
        }),
      );
      const reference = slidingWindowHit(log, now, rule);
      log = reference.log;
      fromReference.push(reference.state);
    }
    expect(fromRedis).toEqual(fromReference);
    expect(fromRedis.filter((state) => !state.admitted).length).toBeGreaterThan(0);
  });

  it('over two buckets in one call: checked in order, the second never charged when the first refuses', async () => {
    const run = randomBytes(4).toString('hex');
    const source = { key: `intake:rl:it-store-${run}:source:10.0.0.2`, rule: { limit: 4, windowSeconds: 1 } };
    const key = { key: `intake:rl:it-store-${run}:channel-key:k1`, rule: { limit: 2, windowSeconds: 1 } };
    const hits = [source, key].map(({ key: name, rule }) => ({
      key: name,
      windowMs: rule.windowSeconds * 1000,
      limit: rule.limit,
    }));
    const gapsMs = [0, 0, 0, 0, 0, 600, 500, 0, 0, 1100];
    let now = Date.parse('2026-11-28T09:00:00.000Z');
    let sourceLog: readonly number[] = [];
    let keyLog: readonly number[] = [];
    const fromRedis: WindowState[][] = [];
    const fromReference: WindowState[][] = [];
    for (const [index, gap] of gapsMs.entries()) {
      now += gap;
      const member = `m${index}`;
      fromRedis.push(
        await expectEventually(() => store.hitInOrder(hits, now, member), { timeoutMs: 5000, description: 'Redis' }),
      );
      const first = slidingWindowHit(sourceLog, now, source.rule);
      sourceLog = first.log;
      if (!first.state.admitted) {
        fromReference.push([first.state]);
        continue;
      }
      const second = slidingWindowHit(keyLog, now, key.rule);
      keyLog = second.log;
      fromReference.push([first.state, second.state]);
    }
    expect(fromRedis).toEqual(fromReference);
    expect(fromRedis.some((states) => states.length === 1)).toBe(true);
    expect(fromRedis.some((states) => states.length === 2 && !states[1]!.admitted)).toBe(true);
  });
});
