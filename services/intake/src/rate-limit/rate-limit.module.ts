import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IntakeConfig } from '../config';
import { RateLimitGuard, TrustedProxies } from './rate-limit.guard';
import { rateLimitRulesOf } from './rate-limit-rules';
import { RateLimitStore } from './rate-limit.store';
import { RateLimiter, RateLimitSettings } from './rate-limiter';

/**
 * Rate limits shared by every intake replica through Redis (REDIS_URL): per source on routes decorated
 * `@RateLimit(...)` (a global guard); the limiter and the proxy setting are exported for `POST /petitions`, which
 * counts per source and per channel key in its own guard (ChannelRequestGuard).
 */
@Module({
  providers: [
    {
      provide: RateLimitStore,
      // Connects in the background: boot neither waits for Redis nor fails without it (the limiter fails open).
      useFactory: (config: IntakeConfig) => RateLimitStore.connect(config.REDIS_URL),
      inject: [IntakeConfig],
    },
    {
      provide: RateLimitSettings,
      useFactory: (config: IntakeConfig) =>
        new RateLimitSettings(rateLimitRulesOf(config.INTAKE_RATE_LIMITS), config.INTAKE_RATE_LIMIT_PREFIX),
      inject: [IntakeConfig],
    },
    {
      provide: TrustedProxies,
      useFactory: (config: IntakeConfig) => new TrustedProxies(config.INTAKE_TRUST_PROXY),
      inject: [IntakeConfig],
    },
    RateLimiter,
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [RateLimiter, TrustedProxies],
})
export class RateLimitModule {}
