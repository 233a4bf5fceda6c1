import { slidingWindowHit, verdictOf, type WindowState } from './sliding-window';

const rule = { limit: 3, windowSeconds: 2 };
const T0 = Date.parse('2026-11-28T09:00:00.000Z');

/** Runs attempts at the given offsets (ms after T0) from an empty log; returns each verdict. */
function attempts(offsetsMs: readonly number[]) {
  let log: readonly number[] = [];
  return offsetsMs.map((offset) => {
    const result = slidingWindowHit(log, T0 + offset, rule);
    log = result.log;
    return verdictOf(result.state, T0 + offset, rule);
  });
}

describe('sliding-window rate limit', () => {
  it('given limit 3, when 4 requests arrive at once, then the 4th is refused with Retry-After of the window', () => {
    const verdicts = attempts([0, 10, 20, 30]);
    expect(verdicts.map((verdict) => [verdict.allowed, verdict.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    // The oldest (t=0) leaves the window at t=2000: 1970 ms from t=30, rounded up to 2 s.
    expect(verdicts[3]).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 2, retryAfterSeconds: 2 });
  });

  it('given a full window, when the oldest request leaves it, then one more is admitted, and not before', () => {
    expect(attempts([0, 500, 1000, 1999]).at(-1)?.allowed).toBe(false);
    expect(attempts([0, 500, 1000, 2000]).at(-1)?.allowed).toBe(true);
  });

  it('given refused attempts, then they do not count: a client that keeps retrying gets in once the window frees', () => {
    const verdicts = attempts([0, 0, 0, 100, 200, 300, 2000, 2001]);
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false, false, false, true, true]);
  });

  it('counts "at most N in any window", however the requests are spread across it', () => {
    const verdicts = attempts([0, 900, 1800, 1900, 2700, 2800]);
    // At 1900 the window (−100, 1900] holds 0, 900, 1800: full. At 2700 (700, 2700]: 900, 1800: room for one.
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false, true, false]);
  });

  it('rounds Reset and Retry-After up to whole seconds, at least 1', () => {
    const state: WindowState = { admitted: false, count: 3, oldestMs: T0 };
    expect(verdictOf(state, T0 + 1999, rule).retryAfterSeconds).toBe(1);
    expect(verdictOf(state, T0 + 1, rule).retryAfterSeconds).toBe(2);
    expect(verdictOf(state, T0 + 2000, rule).retryAfterSeconds).toBe(1);
    expect(verdictOf({ admitted: true, count: 1, oldestMs: T0 }, T0, rule)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetSeconds: 2,
    });
  });

  it('never reports a negative remainder when the limit was lowered below what the window holds', () => {
    expect(verdictOf({ admitted: true, count: 5, oldestMs: T0 }, T0, rule).remaining).toBe(0);
  });
});
