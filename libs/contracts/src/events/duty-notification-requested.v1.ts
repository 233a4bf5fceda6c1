import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { DutyOfficerV1 } from './duty-officer.v1';

export const DUTY_NOTIFICATION_REASONS = ['urgent-petition', 'acknowledgement-overdue'] as const;
export type DutyNotificationReason = (typeof DUTY_NOTIFICATION_REASONS)[number];

/**
 * channel.outbound · `duty.notification-requested` v1: routing asks the channels to reach the official on duty at
 * once, through the channel and handle the roster gives (an urgent petition, or an escalation).
 */
export class DutyNotificationRequestedV1 {
  static readonly type = 'duty.notification-requested';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @IsIn(DUTY_NOTIFICATION_REASONS) reason!: DutyNotificationReason;
  @ValidateNested() @Type(() => DutyOfficerV1) recipient!: DutyOfficerV1;
  /** What to tell them, ready to send. */
  @IsString() @Length(1, 1000) message!: string;
  @IsISO8601({ strict: true }) requestedAt!: string;
}
