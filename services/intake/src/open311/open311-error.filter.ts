import type { IncomingMessage } from 'node:http';
import { type ArgumentsHost, Catch, type HttpServer } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { ErrorResponse } from '../http/intake-http.error';
import { IntakeHttpErrorFilter } from '../http/intake-http-error.filter';
import { formatOfPath, type Open311Document, renderOpen311 } from './open311-format';

export const OPEN311_PATH_PREFIX = '/open311/';

/**
 * GeoReport's errors: a list of `{code, description}` (XML `<errors><error>…`), the code being the HTTP status.
 * Each bad field of a VALIDATION_FAILED is an error of its own.
 */
export function open311ErrorsOf(status: number, body: ErrorResponse): Open311Document {
  const { message, fields } = body.error;
  const descriptions = fields && fields.length > 0 ? fields.flatMap((field) => field.problems) : [message];
  return {
    kind: 'list',
    root: 'errors',
    item: 'error',
    entries: descriptions.map((description) => ({ code: status, description })),
  };
}

/**
 * Intake's error filter, answering under `/open311/` in Open311's error format and the format the path asks for
 * (XML, GeoReport's required format, when it names none). Global, so that body-parser errors and unknown Open311
 * routes are answered the same way; everything else is intake's as before.
 */
@Catch()
export class Open311AwareErrorFilter extends IntakeHttpErrorFilter {
  constructor(private readonly adapter: HttpServer) {
    super(adapter);
  }

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const path = host.switchToHttp().getRequest<IncomingMessage>().url ?? '';
    if (!path.startsWith(OPEN311_PATH_PREFIX)) return super.catch(exception, host);
    const [status, body] = this.answerTo(exception);
    const response: unknown = host.switchToHttp().getResponse();
    if (this.adapter.isHeadersSent(response)) return;
    const rendered = renderOpen311(open311ErrorsOf(status, body), formatOfPath(path) ?? 'xml');
    this.adapter.setHeader(response, 'content-type', rendered.contentType);
    this.adapter.reply(response, rendered.body, status);
  }
}
