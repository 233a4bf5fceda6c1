import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

/**
 * dept.<CODE>.assignments · `work-order.withdrawn` v1: the department's work order no longer stands (the petition
 * went to another department); it must stop work on it and may no longer answer for it.
 */
export class WorkOrderWithdrawnV1 {
  static readonly type = 'work-order.withdrawn';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  @IsString() @Length(1, 500) reason!: string;
  /** The department the petition went to, when it went to one. */
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]*$/) nextDepartment?: string;
  @IsISO8601({ strict: true }) withdrawnAt!: string;
}
