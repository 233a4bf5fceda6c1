import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

export const REOPEN_REASONS = ['citizen-unsatisfied'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/**
 * petition.events · `petition.reopened` v1: the resident was not satisfied with the resolution, so the petition
 * (诉求) is open again and goes back to the department that resolved it, with the resident's words (as
 * `petition.received` carries the petition's text). No personal data beyond what the resident wrote.
 */
export class PetitionReopenedV1 {
  static readonly type = 'petition.reopened';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  /** 1 the first time the petition is reopened, then 2, … */
  @IsInt() @Min(1) reopenCount!: number;
  @IsIn(REOPEN_REASONS) reason!: ReopenReason;
  /** The resident's words, when they gave any. */
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
  /** The department whose resolution the resident rejected. */
  @Matches(/^[A-Z][A-Z0-9_]*$/) previousDepartmentCode!: string;
  @IsISO8601({ strict: true }) reopenedAt!: string;
}
