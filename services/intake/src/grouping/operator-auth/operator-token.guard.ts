import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { IntakeHttpError } from '../../http/intake-http.error';
import { OperatorTokens } from './operator-tokens';

const OPERATOR = Symbol('operator');
type OperatorRequest = IncomingMessage & { [OPERATOR]?: string };

const BEARER = /^Bearer ([\x21-\x7e]+)$/i;

/**
 * Operator routes (`/admin/...`) need `Authorization: Bearer <token>` with a token from INTAKE_OPERATOR_TOKENS; 401
 * UNAUTHENTICATED with `WWW-Authenticate: Bearer` otherwise. The operator's id goes with every change they make.
 */
@Injectable()
export class OperatorTokenGuard implements CanActivate {
  private readonly logger = new Logger(OperatorTokenGuard.name);

  constructor(private readonly tokens: OperatorTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<OperatorRequest>();
    const header = request.headers.authorization;
    const token = header !== undefined ? BEARER.exec(header)?.[1] : undefined;
    const operatorId = token !== undefined ? this.tokens.operatorOf(token) : undefined;
    if (operatorId === undefined) {
      this.logger.warn(`rejected an operator request: ${header === undefined ? 'no' : 'a wrong'} bearer token`);
      http.getResponse<ServerResponse>().setHeader('WWW-Authenticate', 'Bearer realm="intake-operators"');
      throw new IntakeHttpError('UNAUTHENTICATED', 'an operator bearer token is required');
    }
    request[OPERATOR] = operatorId;
    return true;
  }
}

/** The operator whose token OperatorTokenGuard accepted (the guard must be on the route). */
export const OperatorId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const operatorId = context.switchToHttp().getRequest<OperatorRequest>()[OPERATOR];
  if (operatorId === undefined) throw new Error('@OperatorId() on a route without OperatorTokenGuard');
  return operatorId;
});
