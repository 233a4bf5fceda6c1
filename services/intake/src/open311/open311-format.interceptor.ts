import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { formatOfPath, type Open311Document, renderOpen311 } from './open311-format';

/** Renders what an Open311 route returns in the format its path names (`.json`, `.xml`), with the content type. */
@Injectable()
export class Open311FormatInterceptor implements NestInterceptor<Open311Document, string> {
  intercept(context: ExecutionContext, next: CallHandler<Open311Document>): Observable<string> {
    const http = context.switchToHttp();
    const format = formatOfPath(http.getRequest<IncomingMessage>().url ?? '') ?? 'xml';
    const response = http.getResponse<ServerResponse>();
    return next.handle().pipe(
      map((document) => {
        const rendered = renderOpen311(document, format);
        response.setHeader('content-type', rendered.contentType);
        return rendered.body;
      }),
    );
  }
}
