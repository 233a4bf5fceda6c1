import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DutyOfficerV1 } from './duty-officer.v1';

export const COMPLEXITIES = ['general', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** Who chose the department: routing's classifier, the channel's category (Open311 service code), an operator. */
export const ROUTING_DECIDERS = ['classifier', 'channel-category', 'operator'] as const;
export type RoutingDecider = (typeof ROUTING_DECIDERS)[number];

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
  @IsOptional() @IsString() @Length(1, 64) grid?: string;
  /** Why routing chose this department (rule or model), for audit. */
  @IsString() @Length(1, 200) reason!: string;
  @IsISO8601({ strict: true }) receivedAt!: string;
  @IsISO8601({ strict: true }) assignedAt!: string;
  /** How sure routing is of the primary department, 0..1 (1 for a channel's category or an operator's decision). */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) confidence?: number;
  @IsOptional() @IsIn(ROUTING_DECIDERS) decidedBy?: RoutingDecider;
  /** Urgent, so assigned at once to routing's best guess, but an operator is to confirm the department. */
  @IsOptional() @IsBoolean() needsReview?: boolean;
  /** For a territorial (TOWN) primary or co-department: the town whose government handles it (属地). */
  @IsOptional() @IsString() @Length(1, 64) handlingTown?: string;
  /** The official on duty for the petition's place when it was received (值班). */
  @IsOptional() @ValidateNested() @Type(() => DutyOfficerV1) onDuty?: DutyOfficerV1;
  /** The district file (towns, categories, rosters) the decision was made under. */
  @IsOptional() @IsString() @Length(1, 64) districtVersion?: string;
  /** The classifier model the decision was made with. */
  @IsOptional() @IsString() @Length(1, 64) modelVersion?: string;
}
