import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { WORK_ORDER_ROLES, type WorkOrderRole } from './work-order-issued.v1';

const DEPARTMENT_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * routing.events · `petition.triage-queued` v1: routing is not sure enough of the department, so the petition waits
 * for an operator (分拨) in routing's triage queue. Never sent for an urgent petition (those are assigned at once).
 */
export class PetitionTriageQueuedV1 {
  static readonly type = 'petition.triage-queued';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  /** Routing's best guess, which the operator sees. */
  @Matches(DEPARTMENT_CODE) suggestedDepartment!: string;
  @IsString() @Length(1, 64) suggestedCategory!: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) confidence!: number;
  /** Why it waits: low confidence, a territorial matter without a known town… */
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) doubts!: string[];
  @IsISO8601({ strict: true }) receivedAt!: string;
  @IsISO8601({ strict: true }) queuedAt!: string;
}

/** One hand-over of a petition between departments (转办), as the chain records it. */
export class TransferStepV1 {
  @Matches(DEPARTMENT_CODE) fromDepartment!: string;
  @Matches(DEPARTMENT_CODE) toDepartment!: string;
  @IsString() @Length(1, 500) reason!: string;
  /** How long `fromDepartment` held the petition before it went on. */
  @IsInt() @Min(0) heldSeconds!: number;
  @IsISO8601({ strict: true }) at!: string;
}

export const REASSIGNMENT_CAUSES = ['review', 'transfer', 'coordination'] as const;
export type ReassignmentCause = (typeof REASSIGNMENT_CAUSES)[number];

/**
 * routing.events · `petition.reassigned` v1: the primary department changed after the assignment: an operator's
 * review of an urgent petition, a transfer request granted, or district coordination giving it back to the first
 * receiver (首接负责制). Carries the whole transfer chain so far.
 */
export class PetitionReassignedV1 {
  static readonly type = 'petition.reassigned';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @Matches(DEPARTMENT_CODE) fromDepartment!: string;
  @Matches(DEPARTMENT_CODE) departmentCode!: string;
  @IsArray() @ArrayMaxSize(10) @Matches(DEPARTMENT_CODE, { each: true }) coDepartments!: string[];
  @IsString() @Length(1, 64) category!: string;
  @IsIn(COMPLEXITIES) complexity!: Complexity;
  @IsBoolean() urgent!: boolean;
  @IsIn(REASSIGNMENT_CAUSES) cause!: ReassignmentCause;
  @IsString() @Length(1, 500) reason!: string;
  @IsOptional() @IsString() @Length(1, 64) handlingTown?: string;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => TransferStepV1) chain!: TransferStepV1[];
  @IsISO8601({ strict: true }) receivedAt!: string;
  @IsISO8601({ strict: true }) reassignedAt!: string;
}

export const COORDINATION_TRIGGERS = ['second-return', 'ping-pong'] as const;
export type CoordinationTrigger = (typeof COORDINATION_TRIGGERS)[number];

/**
 * routing.events · `petition.coordination-required` v1: departments passed the petition back and forth (a second
 * return, or A → B → A), so transfers stop: the first receiver keeps it (首接负责制), it becomes complex and goes to
 * district coordination (the four-handling ladder).
 */
export class PetitionCoordinationRequiredV1 {
  static readonly type = 'petition.coordination-required';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  /** The first receiver, who keeps the petition. */
  @Matches(DEPARTMENT_CODE) departmentCode!: string;
  @IsIn(COORDINATION_TRIGGERS) trigger!: CoordinationTrigger;
  /** Every department that asked to give the petition away. */
  @IsArray() @ArrayMaxSize(50) @Matches(DEPARTMENT_CODE, { each: true }) returnedBy!: string[];
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => TransferStepV1) chain!: TransferStepV1[];
  @IsISO8601({ strict: true }) requiredAt!: string;
}

/**
 * routing.events · `petition.acknowledgement-overdue` v1: a department did not acknowledge (签收) its work order in
 * time (by default 2 hours, 15 minutes when urgent), so the petition escalates to the official on duty above.
 */
export class PetitionAcknowledgementOverdueV1 {
  static readonly type = 'petition.acknowledgement-overdue';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @Matches(DEPARTMENT_CODE) departmentCode!: string;
  @IsIn(WORK_ORDER_ROLES) role!: WorkOrderRole;
  @IsBoolean() urgent!: boolean;
  @IsISO8601({ strict: true }) issuedAt!: string;
  @IsISO8601({ strict: true }) acknowledgeBy!: string;
  @IsISO8601({ strict: true }) escalatedAt!: string;
  /** The official on duty the escalation goes to (the town's, else the district's), when the roster names one. */
  @IsOptional() @ValidateNested() @Type(() => DutyOfficerV1) escalatedTo?: DutyOfficerV1;
}
