import { Body, Controller, Get, Inject, NotFoundException, Put } from '@nestjs/common';
import { SERVICE_CONFIG } from '@petitions/runtime';
import { IsInt, Max, Min } from 'class-validator';
import type { DeadlineTrackingConfig } from '../config';
import { DatabaseTime } from './database-time';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

export class SetTimeOffsetBody {
  @IsInt() @Min(-YEAR_MS) @Max(10 * YEAR_MS) offsetMs!: number;
}

/**
 * Test time (§6 of issue #5): end-to-end tests move deadline tracking's time by setting the offset stored in the
 * database. Answers 404 unless DEADLINE_TIME_CONTROL=true, which production never sets.
 */
@Controller('test/time')
export class TimeControlController {
  constructor(
    private readonly time: DatabaseTime,
    @Inject(SERVICE_CONFIG) private readonly config: DeadlineTrackingConfig,
  ) {}

  @Get()
  async show(): Promise<{ now: string; offsetMs: number }> {
    this.assertEnabled();
    return { now: (await this.time.now()).toISOString(), offsetMs: await this.time.offsetMs() };
  }

  @Put()
  async set(@Body() body: SetTimeOffsetBody): Promise<{ now: string; offsetMs: number }> {
    this.assertEnabled();
    await this.time.setOffsetMs(body.offsetMs);
    return this.show();
  }

  private assertEnabled(): void {
    if (!this.config.DEADLINE_TIME_CONTROL) throw new NotFoundException();
  }
}
