import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMPLEXITIES, type Complexity } from './petition-assigned.v1';

export class TimelineEntryV1 {
  @IsISO8601({ strict: true }) at!: string;
  @IsString() @Length(1, 64) eventType!: string;
  @IsOptional() @IsString() @Length(1, 64) departmentCode?: string;
}

/**
 * accountability.events · `petition.reviewed` v1: accountability has the petition's whole closed history and has
 * run its checks over it. Carries what disclosure needs to publish, so disclosure depends on this one event only.
 * `result` is the department's text as given: disclosure redacts before publishing.
 */
export class PetitionReviewedV1 {
  static readonly type = 'petition.reviewed';
  static readonly version = 1;
  @IsUUID() petitionId!: string;
  @IsString() @Length(1, 64) departmentCode!: string;
  @IsString() @Length(1, 64) category!: string;
  @IsIn(COMPLEXITIES) complexity!: Complexity;
  @IsOptional() @IsString() town?: string;
  @IsOptional() @IsString() unit?: string;
  @IsISO8601({ strict: true }) receivedAt!: string;
  @IsISO8601({ strict: true }) resolvedAt!: string;
  @IsInt() @Min(0) handlingSeconds!: number;
  @IsBoolean() withinDeadline!: boolean;
  @IsString() @Length(1, 4000) result!: string;
  /** Codes of the accountability rules that flagged this petition; empty when nothing was wrong. */
  @IsArray() @IsString({ each: true }) findings!: string[];
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TimelineEntryV1)
  timeline!: TimelineEntryV1[];
}
