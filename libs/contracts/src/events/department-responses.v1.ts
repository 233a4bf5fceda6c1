import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

/** Fields every answer from a department system carries on `dept.responses`. */
abstract class DepartmentResponseV1 {
  @IsUUID() petitionId!: string;
  @Matches(/^[A-Z][A-Z0-9_]*$/) departmentCode!: string;
  /** The member of staff who answered, as the department system names them (an official acting in office). */
  @IsOptional() @IsString() @Length(1, 100) handler?: string;
}

/** dept.responses · `department.acknowledged` v1: the department signed for the work order (签收). */
export class DepartmentAcknowledgedV1 extends DepartmentResponseV1 {
  static readonly type = 'department.acknowledged';
  static readonly version = 1;
  @IsISO8601({ strict: true }) acknowledgedAt!: string;
}

/** dept.responses · `department.progress-reported` v1: a progress note while the work goes on. */
export class DepartmentProgressReportedV1 extends DepartmentResponseV1 {
  static readonly type = 'department.progress-reported';
  static readonly version = 1;
  @IsString() @Length(1, 4000) note!: string;
  @IsISO8601({ strict: true }) reportedAt!: string;
}

/** dept.responses · `department.resolved` v1: the department reports the matter resolved, with the result. */
export class DepartmentResolvedV1 extends DepartmentResponseV1 {
  static readonly type = 'department.resolved';
  static readonly version = 1;
  @IsString() @Length(1, 4000) result!: string;
  @IsISO8601({ strict: true }) resolvedAt!: string;
}

/**
 * dept.responses · `department.transfer-requested` v1: "not ours" (退回): the department asks routing to give the
 * petition to another one, with its reason and, if it knows, the department it thinks is right.
 */
export class DepartmentTransferRequestedV1 extends DepartmentResponseV1 {
  static readonly type = 'department.transfer-requested';
  static readonly version = 1;
  @IsString() @Length(1, 500) reason!: string;
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]*$/) suggestedDepartment?: string;
  @IsISO8601({ strict: true }) requestedAt!: string;
}

/** dept.responses · `department.extension-requested` v1: the department asks for more days, with its reason. */
export class DepartmentExtensionRequestedV1 extends DepartmentResponseV1 {
  static readonly type = 'department.extension-requested';
  static readonly version = 1;
  @IsString() @Length(1, 500) reason!: string;
  @IsInt() @Min(1) @Max(30) days!: number;
  @IsISO8601({ strict: true }) requestedAt!: string;
}
