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
  @IsIn(COMPLEXITIES) complexity!: Complexity;
  @IsBoolean() urgent!: boolean;
  @IsArray() @ArrayMaxSize(10) @Matches(/^[A-Z][A-Z0-9_]*$/, { each: true }) coDepartments!: string[];
  /** When the petition must be resolved by, under the policy routing knows of at assignment time. */
  @IsISO8601({ strict: true }) resolveBy!: string;
  @IsISO8601({ strict: true }) issuedAt!: string;
}
