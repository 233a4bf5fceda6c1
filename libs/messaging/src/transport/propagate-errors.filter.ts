import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every handler error into a generic "Internal server error". The batch transport
 * needs the original error to choose between retry and dead letter, so this filter passes it through unchanged.
 */
@Catch()
export class PropagateErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
