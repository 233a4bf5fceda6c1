import { IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

/**
 * petition.events · `petition.grouped` v1: intake found that this petition is about the same matter as others (same
 * place, same category, similar text, close in time) and put it in a group (同一诉求多人反映). One event per member,
 * sent when it joins; the first two members of a new group each get one. Every reporter keeps their own petition
 * and tracking code; the group's lead is the petition the matter is handled under. No personal data.
 */
export class PetitionGroupedV1 {
  static readonly type = 'petition.grouped';
  static readonly version = 1;

  @IsUUID() groupId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() leadPetitionId!: string;
  /** Members once this one has joined (at least 2). */
  @IsInt() @Min(2) memberCount!: number;
  @IsString() @Length(1, 64) category!: string;
  /** The unit (village, community, park) the group is about; absent for a group of a town and a named place. */
  @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @IsOptional() @IsString() @MaxLength(64) town?: string;
  /** How alike this petition's text is to the group's (0–1, character n-grams), when it joined. */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) similarity!: number;
  @IsISO8601({ strict: true }) groupedAt!: string;
}
