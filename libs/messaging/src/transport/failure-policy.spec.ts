import { EnvelopeError, PayloadDecodeError } from '@petitions/contracts';
import { NonRetryableError, classifyFailure, describeError, retryDelayMs, type FailureClass } from './failure-policy';

/** An error as node (errno) or pg (SQLSTATE) raises it: an Error with a string `code`. */
function errorWithCode(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

/** TypeORM wraps a driver error and keeps the original under `driverError`. */
function typeOrmLikeError(driverCode: string): Error & { driverError: { code: string } } {
  return Object.assign(new Error('QueryFailedError'), { driverError: { code: driverCode } });
}

/** A random source that always draws the same value. */
function randomOf(value: number): () => number {
  return () => value;
}

describe('classifyFailure', () => {
  it.each<[string, unknown]>([
    ['a PayloadDecodeError', new PayloadDecodeError('invalid-payload', ['petitionId: petitionId must be a UUID'])],
    ['an EnvelopeError', new EnvelopeError(['header "event-id" is missing'])],
    ['a NonRetryableError', new NonRetryableError('petition unknown to this service')],
  ])('given %s, when classified, then it is invalid', (_label, error) => {
    expect(classifyFailure(error)).toBe<FailureClass>('invalid');
  });

  it('given a NonRetryableError that also carries a network code, when classified, then invalid wins', () => {
    const error = Object.assign(new NonRetryableError('bad input'), { code: 'ECONNREFUSED' });
    expect(classifyFailure(error)).toBe<FailureClass>('invalid');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])(
    'given a network error with code %s, when classified, then it is infrastructure',
    (code) => {
      expect(classifyFailure(errorWithCode(code))).toBe<FailureClass>('infrastructure');
    },
  );

  it.each([
    ['57P01', 'admin shutdown'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'cannot connect now'],
    ['08006', 'connection failure'],
    ['08001', 'unable to establish connection'],
    ['53300', 'too many connections'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock detected'],
  ])('given a pg error with SQLSTATE %s (%s), when classified, then it is infrastructure', (code) => {
    expect(classifyFailure(errorWithCode(code))).toBe<FailureClass>('infrastructure');
  });

  it('given a TypeORM-like error whose driver error has SQLSTATE 53300, when classified, then it is infrastructure', () => {
    expect(classifyFailure(typeOrmLikeError('53300'))).toBe<FailureClass>('infrastructure');
  });

  it('given a plain object with a driver error code, when classified, then it is infrastructure', () => {
    expect(classifyFailure({ driverError: { code: '53300' } })).toBe<FailureClass>('infrastructure');
  });

  it.each([
    'Connection terminated unexpectedly',
    'connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Connection ended unexpectedly',
  ])('given an error with the message "%s", when classified, then it is infrastructure', (message) => {
    expect(classifyFailure(new Error(message))).toBe<FailureClass>('infrastructure');
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('cannot read properties of undefined')],
    ['a unique violation 23505', errorWithCode('23505', 'duplicate key value violates unique constraint')],
    ['a TypeORM-like unique violation', typeOrmLikeError('23505')],
    ['a check violation 23514', errorWithCode('23514')],
    ['a SQLSTATE 57P04 (not 57P01–57P03)', errorWithCode('57P04')],
    ['an almost-matching code 080061', errorWithCode('080061')],
    ['a numeric code', Object.assign(new Error('x'), { code: 57 })],
    ['a thrown string', 'Connection terminated unexpectedly'],
    ['null', null],
    ['undefined', undefined],
  ])('given %s, when classified, then it is a handler failure', (_label, error) => {
    expect(classifyFailure(error)).toBe<FailureClass>('handler');
  });
});

describe('retryDelayMs', () => {
  it('given the lowest random draw, when the delay is computed, then it is half the ceiling', () => {
    expect(retryDelayMs(1, 100, 5000, randomOf(0))).toBe(50);
    expect(retryDelayMs(3, 100, 5000, randomOf(0))).toBe(200);
  });

  it('given the highest random draw, when the delay is computed, then it is the ceiling', () => {
    expect(retryDelayMs(1, 100, 5000, randomOf(1))).toBe(100);
    expect(retryDelayMs(3, 100, 5000, randomOf(1))).toBe(400);
  });

  it('given a middle random draw, when the delay is computed, then it is three quarters of the ceiling', () => {
    expect(retryDelayMs(2, 100, 5000, randomOf(0.5))).toBe(150);
  });

  it('given successive attempts, when delays are computed, then the ceiling doubles per attempt', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, 100, 5000, randomOf(1)));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200]);
  });

  it('given an attempt whose doubling passes maxMs, when the delay is computed, then the ceiling is maxMs', () => {
    expect(retryDelayMs(7, 100, 5000, randomOf(1))).toBe(5000);
    expect(retryDelayMs(7, 100, 5000, randomOf(0))).toBe(2500);
    expect(retryDelayMs(3, 100, 300, randomOf(1))).toBe(300);
  });

  it('given a huge attempt number, when the delay is computed, then it stays at the cap', () => {
    expect(retryDelayMs(5000, 100, 5000, randomOf(1))).toBe(5000);
  });

  it('given no maxMs, when the delay is computed, then the cap is 5000 ms', () => {
    expect(retryDelayMs(20, 100, undefined, randomOf(1))).toBe(5000);
  });

  it.each([0, -3])(
    'given attempt %d, when the delay is computed, then it is treated as the first attempt',
    (attempt) => {
      expect(retryDelayMs(attempt, 100, 5000, randomOf(1))).toBe(100);
    },
  );

  it('given any random draw, when delays are computed, then each lies between half the ceiling and the ceiling', () => {
    const draws = [0, 0.001, 0.25, 0.4999, 0.5, 0.75, 0.999, 0.999999];
    for (const attempt of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const ceiling = Math.min(5000, 100 * 2 ** (attempt - 1));
      for (const draw of draws) {
        const delay = retryDelayMs(attempt, 100, 5000, randomOf(draw));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('given the default random source, when the delay is computed, then it is an integer within the bounds', () => {
    const delay = retryDelayMs(4, 100);
    expect(Number.isInteger(delay)).toBe(true);
    expect(delay).toBeGreaterThanOrEqual(400);
    expect(delay).toBeLessThanOrEqual(800);
  });
});

describe('describeError', () => {
  it('given an Error, when described, then name and message', () => {
    expect(describeError(new NonRetryableError('petition unknown'))).toBe('NonRetryableError: petition unknown');
  });

  it('given a thrown non-error, when described, then its string form', () => {
    expect(describeError(42)).toBe('42');
  });

  it('given a very long message, when described, then it is cut to 2000 characters', () => {
    expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(2000);
  });
});
