import type { RateLimitRule } from './rate-limit-rules';

/*
 * Why a sliding-window log: the limit reads "at most N in any W seconds", and a log enforces exactly that, so the
 * (N+1)-th request inside a window is refused however the requests are spread (a token bucket/GCRA would let a
 * request through whenever 1/N of the window has passed, which is a rate, not the documented count). Its price is
 * memory: one sorted-set member per admitted request still in the window, at most `limit` per key; with intake's
 * limits (hundreds per minute per key or address) that is kilobytes per active key. Refused requests are not
 * logged, so a client that keeps retrying is admitted again as soon as its oldest request leaves the window.
 */

/** What one attempt found and did: whether it was admitted, how many are in the window now, the oldest of them. */
export interface WindowState {
  readonly admitted: boolean;
  /** Requests in the window after this attempt (this one included if admitted). */
  readonly count: number;
  /** Time (ms) of the oldest request in the window; `now` if there is none. */
  readonly oldestMs: number;
}

/** What intake tells the caller: the `RateLimit-*` headers and, when refused, `Retry-After`. */
export interface RateLimitVerdict {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until one more request is admitted again (the oldest leaves the window), rounded up, at least 1. */
  readonly resetSeconds: number;
  /** Refused only: the same as resetSeconds. */
  readonly retryAfterSeconds?: number;
}

/**
 * One attempt against a log of admission times, as the Lua script below does it in Redis: drop what is older than
 * the window, admit if fewer than `limit` remain. The reference for the script (tests run both on one sequence).
 */
export function slidingWindowHit(
  log: readonly number[],
  nowMs: number,
  rule: RateLimitRule,
): { readonly log: readonly number[]; readonly state: WindowState } {
  const inWindow = log.filter((at) => at > nowMs - rule.windowSeconds * 1000);
  const admitted = inWindow.length < rule.limit;
  const next = admitted ? [...inWindow, nowMs].sort((a, b) => a - b) : inWindow;
  return { log: next, state: { admitted, count: next.length, oldestMs: next[0] ?? nowMs } };
}

/** The headers' values from what the attempt found (pure: `now` comes from intake's clock). */
export function verdictOf(state: WindowState, nowMs: number, rule: RateLimitRule): RateLimitVerdict {
  const freesInMs = state.oldestMs + rule.windowSeconds * 1000 - nowMs;
  const resetSeconds = Math.max(1, Math.ceil(freesInMs / 1000));
  if (state.admitted) {
    return { allowed: true, limit: rule.limit, remaining: Math.max(0, rule.limit - state.count), resetSeconds };
  }
  return { allowed: false, limit: rule.limit, remaining: 0, resetSeconds, retryAfterSeconds: resetSeconds };
}

/**
 * The same attempt, atomically in Redis, in one round trip (EVALSHA), against one or more buckets in turn: KEYS are
 * their sorted sets of admission times, in the order they are checked. ARGV: now (ms, from the calling replica's
 * clock: replicas run NTP, and a few ms of skew only shifts when an entry expires by as much), a unique member for
 * this request, then window (ms) and limit for each key. It stops at the first bucket that refuses, so a later bucket
 * is not charged for a request an earlier one refused, just as separate calls in that order would. Returns
 * {admitted, count, oldest} for each bucket it checked. A key expires one window after its last use, so idle keys
 * cost nothing.
 */
export const SLIDING_WINDOW_LUA = `
local now = tonumber(ARGV[1])
local result = {}
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[2 * i + 1])
  local limit = tonumber(ARGV[2 * i + 2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  local admitted = 0
  if count < limit then
    redis.call('ZADD', key, now, ARGV[2])
    count = count + 1
    admitted = 1
  end
  local oldest = now
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if first[2] then oldest = tonumber(first[2]) end
  if count > 0 then redis.call('PEXPIRE', key, window) end
  table.insert(result, admitted)
  table.insert(result, count)
  table.insert(result, oldest)
  if admitted == 0 then break end
end
return result
`;
