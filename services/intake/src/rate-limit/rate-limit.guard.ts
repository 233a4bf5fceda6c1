import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RATE_LIMIT_BUCKET } from './rate-limit.decorator';
import { applyVerdict } from './rate-limit-headers';
import { RATE_LIMIT_BUCKETS, type RateLimitBucket } from './rate-limit-rules';
import { RateLimiter } from './rate-limiter';
import { sourceAddress } from './source-address';

/** How many proxies in front of intake write X-Forwarded-For (INTAKE_TRUST_PROXY). */
export class TrustedProxies {
  constructor(readonly count: number) {}
}

/** The client address a request is counted under (X-Forwarded-For only as far as INTAKE_TRUST_PROXY allows). */
export function requestSource(request: IncomingMessage, proxies: TrustedProxies): string {
  return sourceAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers['x-forwarded-for'],
    trustedProxies: proxies.count,
  });
}

function bucketOf(name: unknown, where: string): RateLimitBucket {
  if (typeof name === 'string' && (RATE_LIMIT_BUCKETS as readonly string[]).includes(name)) {
    return name as RateLimitBucket;
  }
  // A typo in @RateLimit(...) is a programming error: loud (500, logged) rather than an unlimited route.
  throw new Error(`@RateLimit(${JSON.stringify(name)}) on ${where}: not one of ${RATE_LIMIT_BUCKETS.join(', ')}`);
}

/**
 * Global guard: a route decorated `@RateLimit('<bucket>')` draws from that bucket per source address (the tracking
 * lookup). Undecorated routes, and Kafka handlers, are not counted. `POST /petitions` is counted by its own
 * ChannelRequestGuard, per source and per key in one round trip.
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
    const verdict = await this.limiter.hit(bucket, requestSource(request, this.proxies));
    if (verdict) applyVerdict(request, http.getResponse<ServerResponse>(), bucket, verdict);
    return true;
  }
}
