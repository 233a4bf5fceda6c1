import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every handler error into a generic "Internal server error". The batch transport
 * needs the original error to choose between retry and dead letter, so on the RPC side this filter passes it through
 * unchanged; on the HTTP side it behaves as Nest's default filter. Register it on the application before
 * connecting the microservice with `inheritAppConfig: true` (a hybrid app's own filters can no longer be set then).
 */
@Catch()
export class PropagateErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    super.catch(exception, host);
  }
}
