import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { ApiTrackPetition } from './tracking.openapi';
import { TrackingService } from './tracking.service';
import type { PetitionTracking } from './tracking-view';

@ApiTags('petitions')
@Controller('petitions/track')
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  /** Public, unsigned: the 60-bit tracking code is the only credential, so lookups are rate-limited instead. */
  @Get(':trackingCode')
  @RateLimit('tracking-lookup')
  @ApiTrackPetition()
  track(@Param('trackingCode') trackingCode: string): Promise<PetitionTracking> {
    return this.tracking.lookUp(trackingCode);
  }
}
