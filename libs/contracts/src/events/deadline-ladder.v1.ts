import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * The steps a clock passes through as time goes by without a result: the acknowledgement deadline, reminders, the
 * four-handling ladder (四办: assign 交办, supervise 督办, summon 约办, investigate 查办) and the breach.
 */
export const DEADLINE_STEPS = [
  'acknowledgement-overdue',
  'reminder',
  'assign',
  'supervise',
  'summon',
  'investigate',
  'breach',
] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

/** Who a step notifies: the holding department's head, the petition's town, district leadership, 纪委监委. */
export const RECIPIENT_ROLES = ['department-head', 'town', 'district-leadership', 'discipline-office'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export class RecipientV1 {
  @IsIn(RECIPIENT_ROLES) role!: RecipientRole;
  /** The department code (department head, discipline office `DISCIPLINE`) or the town code; none for leadership. */
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]*$/) code?: string;
}

/** deadline.events · `deadline.step-reached` v1: a clock reached a step of its policy; names whom to notify. */
export class DeadlineStepReachedV1 {
  static readonly type = 'deadline.step-reached';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsString() @Length(1, 64) policy!: string;
  @IsIn(DEADLINE_STEPS) step!: DeadlineStep;
  /** The step's id within its policy (e.g. `reminder-50`), unique per clock. */
  @IsString() @Length(1, 64) stepId!: string;
  /** The department holding the clock when the step was reached. */
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  /** When the policy put the step (paused time not counted). */
  @IsISO8601({ strict: true }) scheduledAt!: string;
  /** When it fired (database time); later than scheduledAt after downtime. */
  @IsISO8601({ strict: true }) reachedAt!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RecipientV1)
  notify!: RecipientV1[];
}

export const PAUSE_REASONS = ['awaiting-citizen', 'awaiting-third-party'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** deadline.events · `deadline.paused` v1: the clock stopped counting while the department waits on someone else. */
export class DeadlinePausedV1 {
  static readonly type = 'deadline.paused';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsIn(PAUSE_REASONS) reason!: PauseReason;
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  @IsISO8601({ strict: true }) pausedAt!: string;
}

/** deadline.events · `deadline.resumed` v1: the clock counts again; its due time moved by the paused time. */
export class DeadlineResumedV1 {
  static readonly type = 'deadline.resumed';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsISO8601({ strict: true }) resumedAt!: string;
  @IsInt() @Min(0) pausedSeconds!: number;
  @IsISO8601({ strict: true }) dueAt!: string;
}

/** deadline.events · `deadline.extension-requested` v1: the holding department asks the level above for more days. */
export class DeadlineExtensionRequestedV1 {
  static readonly type = 'deadline.extension-requested';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsUUID() extensionId!: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  @IsInt() @Min(1) @Max(30) days!: number;
  @IsString() @Length(1, 1000) reason!: string;
  @IsISO8601({ strict: true }) requestedAt!: string;
}

export const EXTENSION_DECISIONS = ['approved', 'rejected'] as const;
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number];

/** deadline.events · `deadline.extension-decided` v1: the level above approved (due time moved) or rejected. */
export class DeadlineExtensionDecidedV1 {
  static readonly type = 'deadline.extension-decided';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @IsUUID() extensionId!: string;
  @IsIn(EXTENSION_DECISIONS) decision!: ExtensionDecision;
  /** The official who decided, as the level above names them. */
  @IsString() @Length(1, 100) decidedBy!: string;
  @IsISO8601({ strict: true }) decidedAt!: string;
  /** The due time after the decision (unchanged when rejected). */
  @IsISO8601({ strict: true }) dueAt!: string;
}

export const HOLDING_ENDS = ['transferred', 'stopped'] as const;
export type HoldingEnd = (typeof HOLDING_ENDS)[number];

/** deadline.events · `deadline.holding-recorded` v1: how long one department held the clock (who held the clock). */
export class DeadlineHoldingRecordedV1 {
  static readonly type = 'deadline.holding-recorded';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsUUID() clockId!: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  @IsISO8601({ strict: true }) heldFrom!: string;
  @IsISO8601({ strict: true }) heldUntil!: string;
  /** Wall-clock seconds the department held it. */
  @IsInt() @Min(0) heldSeconds!: number;
  /** Of those, the seconds that counted against the deadline (paused time and non-working days excluded). */
  @IsInt() @Min(0) countedSeconds!: number;
  @IsIn(HOLDING_ENDS) endedBy!: HoldingEnd;
}
