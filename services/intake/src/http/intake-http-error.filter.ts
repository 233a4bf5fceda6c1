import { type ArgumentsHost, Catch, HttpException, type HttpServer, Logger } from '@nestjs/common';
import { PropagateErrorsFilter } from '@petitions/messaging';
import type { Observable } from 'rxjs';
import { codeOfStatus, errorBody, type ErrorResponse, IntakeHttpError } from './intake-http.error';

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

/**
 * Intake's HTTP errors, all in one format: `{"error": {"code", "message", "fields"?}}` for every 4xx (whether intake
 * raised it, the body parser did, or Nest did, e.g. an unknown route) and for an unexpected error (500
 * INTERNAL_ERROR, logged). A 5xx HttpException keeps its own body (the readiness report). Kafka handlers' errors
 * pass through unchanged, as PropagateErrorsFilter passes them (intake's consumers share the app's filters).
 * Register it after PropagateErrorsFilter: the last global filter registered is tried first.
 */
@Catch()
export class IntakeHttpErrorFilter extends PropagateErrorsFilter {
  private readonly logger = new Logger('IntakeHttp');

  constructor(private readonly http: HttpServer) {
    super(http);
  }

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    if (exception instanceof HttpException && exception.getStatus() >= 500) return super.catch(exception, host);
    const [status, body] = this.answerTo(exception);
    const response: unknown = host.switchToHttp().getResponse();
    if (this.http.isHeadersSent(response)) return;
    this.http.reply(response, body, status);
  }

  /** The status and the body intake answers an exception with (the Open311 filter renders the same in its format). */
  protected answerTo(exception: unknown): [number, ErrorResponse] {
    if (exception instanceof IntakeHttpError) return [exception.status, exception.toBody()];
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, errorBody(codeOfStatus(status), messageOf(exception))];
    }
    this.logger.error(
      `unexpected error: ${exception instanceof Error ? exception.message : String(exception)}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return [500, errorBody('INTERNAL_ERROR', 'internal error')];
  }
}
