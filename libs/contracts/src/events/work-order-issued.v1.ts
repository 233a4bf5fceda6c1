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
import { COMPLEXITIES, type Complexity } from './petition-assigned.v1';

export const WORK_ORDER_ROLES = ['primary', 'co'] as const;
export type WorkOrderRole = (typeof WORK_ORDER_ROLES)[number];

/**
 * dept.<CODE>.assignments · `work-order.issued` v1: the work order a department's own system consumes.
 * One per department involved; `role` tells the primary (who answers for the result) from a co-department.
 */
export class WorkOrderIssuedV1 {
  static readonly type = 'work-order.issued';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  @IsIn(WORK_ORDER_ROLES) role!: WorkOrderRole;
  @IsString() @Length(1, 4000) summary!: string;
  @IsString() @Length(1, 64) category!: string;
  @IsOptional() @IsString() town?: string;
  @IsOptional() @IsString() unit?: string;
  @IsOptional() @IsString() @Length(1, 64) grid?: string;
  /** Where, in the resident's words (a road, a landmark), when the channel gave it. */
  @IsOptional() @IsString() @Length(1, 200) address?: string;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) latitude?: number;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) longitude?: number;
  /** For the territorial department (TOWN): the town whose government must act (属地). */
  @IsOptional() @IsString() @Length(1, 64) handlingTown?: string;
  /** The official on duty for the place when the petition came in: the department's contact on the ground. */
  @IsOptional() @ValidateNested() @Type(() => DutyOfficerV1) onDuty?: DutyOfficerV1;
  @IsIn(COMPLEXITIES) complexity!: Complexity;
  @IsBoolean() urgent!: boolean;
  @IsArray() @ArrayMaxSize(10) @Matches(/^[A-Z][A-Z0-9_]*$/, { each: true }) coDepartments!: string[];
  /** When the petition must be resolved by, under the policy routing knows of at assignment time. */
  @IsISO8601({ strict: true }) resolveBy!: string;
  @IsISO8601({ strict: true }) issuedAt!: string;
  /** When the department must have acknowledged (签收) it; later, the petition escalates. */
  @IsOptional() @IsISO8601({ strict: true }) acknowledgeBy?: string;
}
