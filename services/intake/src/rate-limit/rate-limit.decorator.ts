import { SetMetadata } from '@nestjs/common';

/** Names the rate-limit bucket a route draws from (see rate-limit.guard.ts). */
export const RATE_LIMIT_BUCKET = 'rate-limit-bucket';
export const RateLimit = (bucket: string): MethodDecorator & ClassDecorator => SetMetadata(RATE_LIMIT_BUCKET, bucket);
