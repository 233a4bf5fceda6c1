import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { verifiedCredentialOf } from '../channel-auth/channel-signature.guard';
import { RATE_LIMIT_BUCKET } from './rate-limit.decorator';
import { applyVerdict } from './rate-limit-headers';
import { RATE_LIMIT_BUCKETS, type RateLimitBucket } from './rate-limit-rules';
import { RateLimiter } from './rate-limiter';
import { sourceAddress } from './source-address';

/**
 * Counts the request against `bucket` for `subject` (a key id, an address): sets the RateLimit headers, and 429
 * RATE_LIMITED with Retry-After when the bucket refuses it.
 */
export async function drawFrom(
  limiter: RateLimiter,
  context: ExecutionContext,
  bucket: RateLimitBucket,
  subject: string,
): Promise<void> {
  const http = context.switchToHttp();
  const verdict = await limiter.hit(bucket, subject);
  if (verdict) applyVerdict(http.getRequest<IncomingMessage>(), http.getResponse<ServerResponse>(), bucket, verdict);
}

/** How many proxies in front of intake write X-Forwarded-For (INTAKE_TRUST_PROXY). */
export class TrustedProxies {
  constructor(readonly count: number) {}
}

function bucketOf(name: unknown, where: string): RateLimitBucket {
  if (typeof name === 'string' && (RATE_LIMIT_BUCKETS as readonly string[]).includes(name)) {
    return name as RateLimitBucket;
  }
  // A typo in @RateLimit(...) is a programming error: loud (500, logged) rather than an unlimited route.
  throw new Error(`@RateLimit(${JSON.stringify(name)}) on ${where}: not one of ${RATE_LIMIT_BUCKETS.join(', ')}`);
}

/**
 * Global guard: a route decorated `@RateLimit('<bucket>')` draws from that bucket per source address. Global guards
 * run before a route's own, so on `POST /petitions` (bucket `source`) a flood is refused before any signature is
 * checked; the per-key count comes after the signature (ChannelKeyRateLimitGuard). Undecorated routes, and Kafka
 * handlers, are not counted.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly proxies: TrustedProxies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const name = this.reflector.getAllAndOverride<unknown>(RATE_LIMIT_BUCKET, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (name === undefined) return true;
    const bucket = bucketOf(name, `${context.getClass().name}.${context.getHandler().name}`);
    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const source = sourceAddress({
      socketAddress: request.socket.remoteAddress,
      forwardedFor: request.headers['x-forwarded-for'],
      trustedProxies: this.proxies.count,
    });
    const verdict = await this.limiter.hit(bucket, source);
    if (verdict) applyVerdict(request, http.getResponse<ServerResponse>(), bucket, verdict);
    return true;
  }
}

/**
 * `POST /petitions`, after ChannelSignatureGuard: draws from `channel-key` for the key that signed the request. Only
 * a verified key is counted, so nobody can spend a channel's budget by sending requests in its key's name.
 */
@Injectable()
export class ChannelKeyRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const credential = verifiedCredentialOf(context.switchToHttp().getRequest<IncomingMessage>());
    // Listed before this guard in @UseGuards; without a verified key ChannelSignatureGuard has answered 401 already.
    if (!credential) throw new Error('ChannelKeyRateLimitGuard must run after ChannelSignatureGuard');
    await drawFrom(this.limiter, context, 'channel-key', credential.keyId);
    return true;
  }
}
