import type { ArgumentsHost, HttpServer } from '@nestjs/common';
import { HttpException, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { isObservable, lastValueFrom, type Observable } from 'rxjs';
import { IntakeHttpError } from './intake-http.error';
import { IntakeHttpErrorFilter } from './intake-http-error.filter';

interface Replied {
  status: number;
  body: unknown;
}

function fakeHttp(): { server: HttpServer; replies: Replied[] } {
  const replies: Replied[] = [];
  const server = {
    isHeadersSent: () => false,
    reply: (_response: unknown, body: unknown, status: number) => void replies.push({ status, body }),
    end: () => undefined,
  } as unknown as HttpServer;
  return { server, replies };
}

function hostOf(type: 'http' | 'rpc'): ArgumentsHost {
  return {
    getType: () => type,
    switchToHttp: () => ({ getResponse: () => ({}), getRequest: () => ({}), getNext: () => undefined }),
    getArgs: () => [],
    getArgByIndex: () => undefined,
  } as unknown as ArgumentsHost;
}

function answerTo(exception: unknown): Replied | undefined {
  const { server, replies } = fakeHttp();
  new IntakeHttpErrorFilter(server).catch(exception, hostOf('http'));
  return replies[0];
}

describe('IntakeHttpErrorFilter', () => {
  // The unexpected error is logged on purpose; keep the test output quiet.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['error', 'warn', 'log']);
  });

  it('given an IntakeHttpError, then its status and {"error": {code, message, fields}}', () => {
    const fields = [{ field: 'reporter.phone', problems: ['phone must be a mainland mobile or landline number'] }];
    expect(answerTo(new IntakeHttpError('VALIDATION_FAILED', 'the request has invalid fields', fields))).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'the request has invalid fields', fields } },
    });
    expect(answerTo(new IntakeHttpError('UNAUTHENTICATED', 'no'))).toEqual({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'no' } },
    });
  });

  it('given Nest’s own 4xx (an unknown route, an unusual status), then the same format with a code for the status', () => {
    expect(answerTo(new NotFoundException('Cannot GET /nowhere'))).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Cannot GET /nowhere' } },
    });
    expect(answerTo(new HttpException({ message: ['a', 'b'] }, 422))).toEqual({
      status: 422,
      body: { error: { code: 'REQUEST_REJECTED', message: 'a; b' } },
    });
  });

  it('given an unexpected error, then 500 INTERNAL_ERROR that says nothing of it', () => {
    expect(answerTo(new Error('password authentication failed for user "intake"'))).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'internal error' } },
    });
  });

  it('given a 5xx HttpException (the readiness report), then its own body, untouched', () => {
    const report = { status: 'unavailable', checks: { kafka: { status: 'down', error: 'no answer' } } };
    expect(answerTo(new ServiceUnavailableException(report))).toEqual({ status: 503, body: report });
  });

  it('given a Kafka handler’s error, then it is passed through unchanged, not answered over HTTP', async () => {
    const { server, replies } = fakeHttp();
    const failure = new IntakeHttpError('VALIDATION_FAILED', 'from a consumer');
    const result = new IntakeHttpErrorFilter(server).catch(failure, hostOf('rpc'));
    expect(isObservable(result)).toBe(true);
    await expect(lastValueFrom(result as Observable<never>)).rejects.toBe(failure);
    expect(replies).toEqual([]);
  });
});
