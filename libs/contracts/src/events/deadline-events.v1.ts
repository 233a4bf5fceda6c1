import { IsBoolean, IsIn, IsISO8601, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';

/** deadline.events · `deadline.armed` v1: a resolution clock started for a petition. */
export class DeadlineArmedV1 {
  static readonly type = 'deadline.armed';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  /** Policy code and version the clock runs under, e.g. `general@1`. */
  @IsString() @Length(1, 64) policy!: string;
  @IsString() @Length(1, 64) departmentCode!: string;
  @IsISO8601({ strict: true }) startedAt!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
}

/** deadline.events · `deadline.breached` v1: the clock passed its due time while the petition was still open. */
export class DeadlineBreachedV1 {
  static readonly type = 'deadline.breached';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsString() @Length(1, 64) departmentCode!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsISO8601({ strict: true }) breachedAt!: string;
}

export const CLOCK_STOP_REASONS = ['resolved'] as const;
export type ClockStopReason = (typeof CLOCK_STOP_REASONS)[number];

/** deadline.events · `deadline.stopped` v1: the clock stopped (the petition was resolved). */
export class DeadlineStoppedV1 {
  static readonly type = 'deadline.stopped';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsIn(CLOCK_STOP_REASONS) reason!: ClockStopReason;
  @IsISO8601({ strict: true }) stoppedAt!: string;
  @IsInt() @Min(0) elapsedSeconds!: number;
  @IsBoolean() withinDeadline!: boolean;
}
