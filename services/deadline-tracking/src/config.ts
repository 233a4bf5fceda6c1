import { IsInt, Max, Min } from 'class-validator';
import { CommonConfig } from '@petitions/platform';

export class DeadlineTrackingConfig extends CommonConfig {
  override HTTP_PORT = 3003;
  /** How often due clocks are looked for. */
  @IsInt() @Min(50) @Max(60000) DEADLINE_SCAN_INTERVAL_MS = 1000;
}
