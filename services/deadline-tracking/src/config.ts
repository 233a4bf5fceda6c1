import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { CommonConfig } from '@petitions/platform';

export class DeadlineTrackingConfig extends CommonConfig {
  override HTTP_PORT = 3003;
  /** How often due timers are looked for. */
  @IsInt() @Min(50) @Max(60000) DEADLINE_SCAN_INTERVAL_MS = 1000;
  /** Timers claimed per firing transaction. */
  @IsInt() @Min(1) @Max(5000) DEADLINE_FIRING_BATCH = 200;
  /**
   * How long a firing transaction may sit idle or run one statement before PostgreSQL ends it: the lease after which
   * another replica fires the timers of a replica that hangs (SIGSTOP, GC pause, lost network).
   */
  @IsInt() @Min(1000) @Max(600000) DEADLINE_FIRING_LEASE_MS = 10000;
  /** Tests only: enables PUT /test/time, which moves deadline tracking's time for every replica. Never in production. */
  @IsBoolean() DEADLINE_TIME_CONTROL = false;
  /** Crash tests only: exit or SIGSTOP itself after a firing's effects, before its commit. */
  @IsIn(['none', 'exit', 'stop']) DEADLINE_FAULT_MID_FIRING = 'none';
}
