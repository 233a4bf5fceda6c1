import type { IncomingMessage } from 'node:http';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { IntakeHttpError } from '../http/intake-http.error';
import { drawFrom } from '../rate-limit/rate-limit.guard';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { type Open311Key, Open311Keyring } from './open311-keys';

const OPEN311_KEY = Symbol('open311Key');
type KeyedRequest = IncomingMessage & { body?: unknown; [OPEN311_KEY]?: Open311Key };

/**
 * POST Service Request only with an API key (`api_key`, a form field): 403 FORBIDDEN otherwise, which Open311's
 * error format answers with code 403, as GeoReport does. Runs after the body is parsed; the reason is logged, never
 * the key.
 */
@Injectable()
export class Open311ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(Open311ApiKeyGuard.name);

  constructor(private readonly keyring: Open311Keyring) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const body = request.body;
    const apiKey = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).api_key : undefined;
    const found = this.keyring.lookUp(apiKey);
    if (!found.ok) {
      this.logger.warn(`refused an Open311 request: api_key ${found.reason}`);
      throw new IntakeHttpError('FORBIDDEN', "invalid api_key received -- can't proceed with create_request");
    }
    request[OPEN311_KEY] = found.key;
    return true;
  }
}

function keyOf(request: object): Open311Key | undefined {
  return (request as KeyedRequest)[OPEN311_KEY];
}

/** After Open311ApiKeyGuard: draws from the `open311-key` bucket for the key, so a client cannot spend another's. */
@Injectable()
export class Open311KeyRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const key = keyOf(context.switchToHttp().getRequest<KeyedRequest>());
    if (!key) throw new Error('Open311KeyRateLimitGuard must run after Open311ApiKeyGuard');
    await drawFrom(this.limiter, context, 'open311-key', key.keyId);
    return true;
  }
}

/** The API key of this request (Open311ApiKeyGuard must guard the route). */
export const Open311Client = createParamDecorator((_data: unknown, context: ExecutionContext): Open311Key => {
  const key = keyOf(context.switchToHttp().getRequest<KeyedRequest>());
  if (!key) throw new Error('@Open311Client() on a route without Open311ApiKeyGuard');
  return key;
});
