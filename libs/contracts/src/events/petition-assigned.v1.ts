import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

export const COMPLEXITIES = ['general', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** routing.events · `petition.assigned` v1: routing chose the department that must act (primary) and helpers. */
export class PetitionAssignedV1 {
  static readonly type = 'petition.assigned';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  @IsArray() @ArrayMaxSize(10) @Matches(/^[A-Z][A-Z0-9_]*$/, { each: true }) coDepartments!: string[];
  @IsString() @Length(1, 64) category!: string;
  @IsIn(COMPLEXITIES) complexity!: Complexity;
  @IsBoolean() urgent!: boolean;
  @IsOptional() @IsString() town?: string;
  @IsOptional() @IsString() unit?: string;
  /** Why routing chose this department (rule or model), for audit. */
  @IsString() @Length(1, 200) reason!: string;
  @IsISO8601({ strict: true }) receivedAt!: string;
  @IsISO8601({ strict: true }) assignedAt!: string;
}
