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
import type { ServerResponse } from 'node:http';
import type { BodyRequest } from '../http/body-parsing';
import { IntakeHttpError } from '../http/intake-http.error';
import { requestSource, TrustedProxies } from '../rate-limit/rate-limit.guard';
import { applyVerdict } from '../rate-limit/rate-limit-headers';
import { RateLimiter } from '../rate-limit/rate-limiter';
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
 * `POST /petitions`: admits a channel's request, with one round trip to the limiter that every replica shares. In
 * order: the source address's budget (429; counted whatever the signature, so a flood of unsigned requests is cut off
 * too), the signature (401 UNAUTHENTICATED unless `X-Channel-Key`, `X-Timestamp` and `X-Signature` sign the raw body
 * bytes; the reason is logged, never the secret), then the verified key's budget (429; never charged for a request
 * that the source's budget or the signature refused). The signature is checked before the limiter is asked, so that
 * both budgets go in one script call: an HMAC costs far less than a second round trip to Redis (docs/benchmarks.md).
 * The body parser has run already (413, malformed JSON, bad UTF-8 come first); validation and the channel check
 * come after.
 */
@Injectable()
export class ChannelRequestGuard implements CanActivate {
  private readonly logger = new Logger(ChannelRequestGuard.name);

  constructor(
    private readonly keyring: ChannelKeyring,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly proxies: TrustedProxies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<SignedRequest>();
    const response = http.getResponse<ServerResponse>();
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
    const [source, key] =
      (await this.limiter.hitInOrder([
        { bucket: 'source', subject: requestSource(request, this.proxies) },
        ...(result.ok ? [{ bucket: 'channel-key' as const, subject: result.credential.keyId }] : []),
      ])) ?? [];
    if (source) applyVerdict(request, response, 'source', source);
    if (!result.ok) {
      // Only a key intake knows is named: an unknown X-Channel-Key could be a secret pasted into the wrong header.
      const named = keyId !== undefined && this.keyring.find(keyId) ? `key ${keyId}` : 'no known key';
      this.logger.warn(`rejected a channel request: ${result.reason} (${named})`);
      throw new IntakeHttpError('UNAUTHENTICATED', result.message);
    }
    if (key) applyVerdict(request, response, 'channel-key', key);
    request[SIGNED_BY] = result.credential;
    return true;
  }
}

/** The key that signed this request, once ChannelRequestGuard has verified it; undefined before or without it. */
export function verifiedCredentialOf(request: object): ChannelCredential | undefined {
  return (request as SignedRequest)[SIGNED_BY];
}

/** The key that signed this request (ChannelRequestGuard must guard the route). */
export const SignedBy = createParamDecorator((_data: unknown, context: ExecutionContext): ChannelCredential => {
  const credential = verifiedCredentialOf(context.switchToHttp().getRequest<SignedRequest>());
  if (!credential) throw new Error('@SignedBy() on a route without ChannelRequestGuard');
  return credential;
});

/** 403 FORBIDDEN unless the key is the petition's channel's: run after validation, so `channel` is a known code. */
export function assertKeyMayActFor(credential: ChannelCredential, channel: string): void {
  const authorization = authorizeChannel(credential, channel);
  if (!authorization.ok) throw new IntakeHttpError('FORBIDDEN', authorization.message);
}
