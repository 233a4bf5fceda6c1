import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTHENTICATOR } from './authenticator.provider';
import type { Authenticator, OperatorRole, Principal } from './credentials';
import { RoutingHttpError } from './routing-http.error';

/** Who may call a handler: operators with a role, or department systems. */
export type Audience = OperatorRole | 'department';

const AUDIENCE = Symbol('audience');
const PRINCIPAL = Symbol('principal');

/** Marks a controller or handler as open to this audience only (checked by BearerGuard). */
export const Authorize = (audience: Audience): ClassDecorator & MethodDecorator => SetMetadata(AUDIENCE, audience);

function allowed(principal: Principal, audience: Audience): boolean {
  if (audience === 'department') return principal.kind === 'department';
  return principal.kind === 'operator' && principal.roles.includes(audience);
}

/** `Authorization: Bearer <token>`: 401 without a known token, 403 when its holder is not of the audience. */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const audience = this.reflector.getAllAndOverride<Audience | undefined>(AUDIENCE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!audience) throw new Error('a handler behind BearerGuard must say its audience with @Authorize');
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; [PRINCIPAL]?: Principal }>();
    const principal = this.authenticator.authenticate(request.headers.authorization);
    if (!principal) throw new RoutingHttpError('UNAUTHENTICATED', 'a valid bearer token is required');
    if (!allowed(principal, audience)) throw new RoutingHttpError('FORBIDDEN', `this token is not for ${audience}`);
    request[PRINCIPAL] = principal;
    return true;
  }
}

/** The principal BearerGuard found for the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<{ [PRINCIPAL]?: Principal }>()[PRINCIPAL];
  if (!principal) throw new RoutingHttpError('UNAUTHENTICATED', 'a valid bearer token is required');
  return principal;
});
