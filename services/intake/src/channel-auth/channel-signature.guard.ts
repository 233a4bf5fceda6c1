import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { ChannelSignatureHeader } from '@petitions/contracts';
import { CLOCK, type Clock } from '@petitions/platform';
import type { BodyRequest } from '../http/body-parsing';
import { IntakeHttpError } from '../http/intake-http.error';
import type { ChannelCredential } from './channel-credentials';
import { ChannelKeyring } from './channel-keyring';
import { authenticateChannelRequest, authorizeChannel } from './channel-request-verifier';

const SIGNED_BY = Symbol('signedBy');
type SignedRequest = BodyRequest & { [SIGNED_BY]?: ChannelCredential };
const EMPTY = Buffer.alloc(0);

function header(request: BodyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `POST /petitions` only from a channel holding a key: checks `X-Channel-Key`, `X-Timestamp` and `X-Signature`
 * over the raw body bytes, 401 UNAUTHENTICATED otherwise (the reason is logged, never the secret). The body parser
 * has run already (413, malformed JSON, bad UTF-8 come first); validation and the channel check come after.
 */
@Injectable()
export class ChannelSignatureGuard implements CanActivate {
  private readonly logger = new Logger(ChannelSignatureGuard.name);

  constructor(
    private readonly keyring: ChannelKeyring,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SignedRequest>();
    const keyId = header(request, ChannelSignatureHeader.keyId);
    const result = authenticateChannelRequest(
      {
        keyId,
        timestamp: header(request, ChannelSignatureHeader.timestamp),
        signature: header(request, ChannelSignatureHeader.signature),
        body: request.rawBody ?? EMPTY,
      },
      { now: this.clock.now(), findKey: (id) => this.keyring.find(id) },
    );
    if (!result.ok) {
      // Only a key intake knows is named: an unknown X-Channel-Key could be a secret pasted into the wrong header.
      const key = keyId !== undefined && this.keyring.find(keyId) ? `key ${keyId}` : 'no known key';
      this.logger.warn(`rejected a channel request: ${result.reason} (${key})`);
      throw new IntakeHttpError('UNAUTHENTICATED', result.message);
    }
    request[SIGNED_BY] = result.credential;
    return true;
  }
}

/** The key that signed this request, once ChannelSignatureGuard has verified it; undefined before or without it. */
export function verifiedCredentialOf(request: object): ChannelCredential | undefined {
  return (request as SignedRequest)[SIGNED_BY];
}

/** The key that signed this request (ChannelSignatureGuard must guard the route). */
export const SignedBy = createParamDecorator((_data: unknown, context: ExecutionContext): ChannelCredential => {
  const credential = verifiedCredentialOf(context.switchToHttp().getRequest<SignedRequest>());
  if (!credential) throw new Error('@SignedBy() on a route without ChannelSignatureGuard');
  return credential;
});

/** 403 FORBIDDEN unless the key is the petition's channel's: run after validation, so `channel` is a known code. */
export function assertKeyMayActFor(credential: ChannelCredential, channel: string): void {
  const authorization = authorizeChannel(credential, channel);
  if (!authorization.ok) throw new IntakeHttpError('FORBIDDEN', authorization.message);
}
