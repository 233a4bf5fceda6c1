import { type ArgumentsHost, Catch, HttpException, type HttpServer, Logger } from '@nestjs/common';
import { PropagateErrorsFilter } from '@petitions/messaging';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { Observable } from 'rxjs';

/** Every code routing's HTTP side answers an error with (docs/operations.md). */
export type RoutingErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DISTRICT_REJECTED'
  | 'MODEL_REJECTED'
  | 'REQUEST_REJECTED'
  | 'INTERNAL_ERROR';

function statusOf(code: RoutingErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'REQUEST_REJECTED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'DISTRICT_REJECTED':
    case 'MODEL_REJECTED':
      return 422;
    case 'INTERNAL_ERROR':
      return 500;
  }
}

const CODE_OF_STATUS: Readonly<Record<number, RoutingErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

export interface RoutingErrorBody {
  error: { code: RoutingErrorCode; message: string; problems?: string[] };
}

/** Routing's HTTP errors: a code (which decides the status), a message, and the problems when there are several. */
export class RoutingHttpError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
    readonly problems?: readonly string[],
  ) {
    super(message);
    this.name = 'RoutingHttpError';
  }

  get status(): number {
    return statusOf(this.code);
  }

  toBody(): RoutingErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.problems ? { problems: [...this.problems] } : {}) },
    };
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    return [...Object.values(error.constraints ?? {}), ...flatten(error.children ?? [], path)];
  });
}

/** A request body as an instance of `cls`, validated (unknown fields refused); VALIDATION_FAILED names each problem. */
export function validBody<T extends object>(cls: new () => T, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RoutingHttpError('VALIDATION_FAILED', 'the body must be a JSON object');
  }
  const instance = plainToInstance(cls, body);
  const problems = flatten(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length > 0) throw new RoutingHttpError('VALIDATION_FAILED', 'the request has invalid fields', problems);
  return instance;
}

/**
 * Routing's HTTP errors in one format, `{"error": {"code", "message", "problems"?}}`; Kafka handlers' errors pass
 * through to the transport unchanged (PropagateErrorsFilter). Readiness (a 5xx HttpException) keeps its own body.
 */
@Catch()
export class RoutingHttpErrorFilter extends PropagateErrorsFilter {
  private readonly logger = new Logger('RoutingHttp');

  constructor(private readonly http: HttpServer) {
    super(http);
  }

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    if (exception instanceof HttpException && exception.getStatus() >= 500) return super.catch(exception, host);
    const [status, error] = this.answerTo(exception);
    const response: unknown = host.switchToHttp().getResponse();
    if (!this.http.isHeadersSent(response)) this.http.reply(response, error.toBody(), status);
  }

  private answerTo(exception: unknown): [number, RoutingHttpError] {
    if (exception instanceof RoutingHttpError) return [exception.status, exception];
    if (exception instanceof HttpException) {
      // Nest's own (an unknown route, a body too large): their status, in routing's format.
      const status = exception.getStatus();
      const code = CODE_OF_STATUS[status] ?? 'REQUEST_REJECTED';
      return [status, new RoutingHttpError(code, exception.message)];
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`unexpected error: ${error.message}`, error.stack);
    return [500, new RoutingHttpError('INTERNAL_ERROR', 'internal error')];
  }
}
