import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

/** An operator's id as INTAKE_OPERATOR_TOKENS names it: a staff handle, never a person's name or number. */
export const OPERATOR_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * petition.events · `petition.ungrouped` v1: an operator split this petition out of a group it did not belong to.
 * The petition goes on alone and never rejoins that group on its own. `leadPetitionId` and `memberCount` describe
 * the group after the split (a split lead hands over to the next member). No personal data.
 */
export class PetitionUngroupedV1 {
  static readonly type = 'petition.ungrouped';
  static readonly version = 1;

  @IsUUID() groupId!: string;
  @IsUUID() petitionId!: string;
  /** Why, in the operator's words (kept with the group; a petition's text is no place for it). */
  @IsString() @Length(1, 500) reason!: string;
  /** The operator who split it. */
  @Matches(OPERATOR_ID) by!: string;
  @IsUUID() leadPetitionId!: string;
  @IsInt() @Min(1) memberCount!: number;
  @IsISO8601({ strict: true }) ungroupedAt!: string;
}
