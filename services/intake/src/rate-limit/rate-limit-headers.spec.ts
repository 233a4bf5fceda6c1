import type { IncomingMessage, ServerResponse } from 'node:http';
import { IntakeHttpError } from '../http/intake-http.error';
import { applyVerdict, tighter } from './rate-limit-headers';
import type { RateLimitVerdict } from './sliding-window';

const allowed = (remaining: number): RateLimitVerdict => ({ allowed: true, limit: 10, remaining, resetSeconds: 5 });
const refused: RateLimitVerdict = { allowed: false, limit: 4, remaining: 0, resetSeconds: 3, retryAfterSeconds: 3 };

function fakeResponse(): { response: ServerResponse; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name, value),
  } as unknown as ServerResponse;
  return { response, headers };
}

describe('rate-limit headers', () => {
  it('tells the caller about the bucket closer to refusing', () => {
    expect(tighter(undefined, allowed(7))).toEqual(allowed(7));
    expect(tighter(allowed(7), allowed(3))).toEqual(allowed(3));
    expect(tighter(allowed(3), allowed(7))).toEqual(allowed(3));
    expect(tighter(allowed(0), refused)).toEqual(refused);
  });

  it('given an admitted request, then RateLimit-* headers and no Retry-After', () => {
    const { response, headers } = fakeResponse();
    applyVerdict({} as IncomingMessage, response, 'source', allowed(7));
    expect(Object.fromEntries(headers)).toEqual({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '7',
      'RateLimit-Reset': '5',
    });
  });

  it('given a refused request, then 429 RATE_LIMITED with Retry-After, after the other bucket set its headers', () => {
    const request = {} as IncomingMessage;
    const { response, headers } = fakeResponse();
    applyVerdict(request, response, 'source', allowed(7));
    let thrown: unknown;
    try {
      applyVerdict(request, response, 'channel-key', refused);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IntakeHttpError);
    expect((thrown as IntakeHttpError).status).toBe(429);
    expect((thrown as IntakeHttpError).toBody()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'too many requests (channel-key: at most 4); retry after 3 s' },
    });
    expect(Object.fromEntries(headers)).toEqual({
      'RateLimit-Limit': '4',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '3',
      'Retry-After': '3',
    });
  });
});
