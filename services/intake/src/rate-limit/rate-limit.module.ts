import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IntakeConfig } from '../config';
import { ChannelKeyRateLimitGuard, RateLimitGuard, TrustedProxies } from './rate-limit.guard';
import { rateLimitRulesOf } from './rate-limit-rules';
import { RateLimitStore } from './rate-limit.store';
import { RateLimiter, RateLimitSettings } from './rate-limiter';

/**
 * Rate limits shared by every intake replica through Redis (REDIS_URL): per source on routes decorated
 * `@RateLimit(...)` (a global guard), per channel key on `POST /petitions` (ChannelKeyRateLimitGuard, exported).
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
    ChannelKeyRateLimitGuard,
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [RateLimiter, ChannelKeyRateLimitGuard],
})
export class RateLimitModule {}
