import type { IncomingMessage, ServerResponse } from 'node:http';
import { IntakeHttpError } from '../http/intake-http.error';
import type { RateLimitBucket } from './rate-limit-rules';
import type { RateLimitVerdict } from './sliding-window';

const SHOWN = Symbol('rateLimitShown');
type CountedRequest = IncomingMessage & { [SHOWN]?: RateLimitVerdict };

/** Of two buckets a request drew from, the caller is told about the one closer to refusing it. */
export function tighter(shown: RateLimitVerdict | undefined, next: RateLimitVerdict): RateLimitVerdict {
  if (shown === undefined) return next;
  if (!next.allowed) return next;
  if (!shown.allowed) return shown;
  return next.remaining < shown.remaining ? next : shown;
}

/**
 * Sets `RateLimit-Limit`, `-Remaining` and `-Reset` (IETF draft, seconds) for the tightest bucket the request has
 * drawn from so far, and answers 429 RATE_LIMITED with `Retry-After` when this bucket refused it. The headers stay
 * on the error response: Nest's filter replies on the same response object.
 */
export function applyVerdict(
  request: IncomingMessage,
  response: ServerResponse,
  bucket: RateLimitBucket,
  verdict: RateLimitVerdict,
): void {
  const counted = request as CountedRequest;
  const shown = tighter(counted[SHOWN], verdict);
  counted[SHOWN] = shown;
  response.setHeader('RateLimit-Limit', String(shown.limit));
  response.setHeader('RateLimit-Remaining', String(shown.remaining));
  response.setHeader('RateLimit-Reset', String(shown.resetSeconds));
  if (verdict.allowed) return;
  const retryAfter = verdict.retryAfterSeconds ?? verdict.resetSeconds;
  response.setHeader('Retry-After', String(retryAfter));
  throw new IntakeHttpError(
    'RATE_LIMITED',
    `too many requests (${bucket}: at most ${verdict.limit}); retry after ${retryAfter} s`,
  );
}
