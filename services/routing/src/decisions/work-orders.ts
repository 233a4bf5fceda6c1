import type { DutyOfficerV1, PetitionAssignedV1, WorkOrderIssuedV1 } from '@petitions/contracts';
import { type District, type DutyPerson, resolveWithinDays } from '@petitions/district';
import type { DutyOfficer } from '../jurisdiction/duty';
import type { RoutingDecision } from './routing-decision';

const DAY_MS = 24 * 60 * 60 * 1000;
/** petition.assigned's `reason` holds at most this many characters. */
export const MAX_REASON_LENGTH = 200;

/** What routing knows of a petition (its copy of `petition.received`, located). */
export interface PetitionFacts {
  petitionId: string;
  channel: string;
  text: string;
  town?: string;
  unit?: string;
  grid?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  receivedAt: Date;
}

/** How long departments have to acknowledge (签收), in seconds. */
export interface AcknowledgementTimeouts {
  general: number;
  urgent: number;
}

export function acknowledgeBy(issuedAt: Date, urgent: boolean, timeouts: AcknowledgementTimeouts): Date {
  return new Date(issuedAt.getTime() + (urgent ? timeouts.urgent : timeouts.general) * 1000);
}

export function dutyOfficerV1({ level, scope, person }: DutyOfficer): DutyOfficerV1 {
  const { id, name, role, channel, handle }: DutyPerson = person;
  return { level, scope, personId: id, name, role, ...(channel ? { channel } : {}), ...(handle ? { handle } : {}) };
}

function shortened(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function locationOf(petition: PetitionFacts): Pick<WorkOrderIssuedV1, 'town' | 'unit' | 'grid'> {
  return {
    ...(petition.town ? { town: petition.town } : {}),
    ...(petition.unit ? { unit: petition.unit } : {}),
    ...(petition.grid ? { grid: petition.grid } : {}),
  };
}

/** The `petition.assigned` payload of a decision. Pure. */
export function assignedPayload(input: {
  petition: PetitionFacts;
  decision: RoutingDecision;
  onDuty?: DutyOfficer;
  assignedAt: Date;
  districtVersion: string;
  modelVersion: string;
}): PetitionAssignedV1 {
  const { petition, decision, onDuty } = input;
  return {
    petitionId: petition.petitionId,
    departmentCode: decision.departmentCode,
    coDepartments: [...decision.coDepartments],
    category: decision.category,
    complexity: decision.complexity,
    urgent: decision.urgent,
    ...locationOf(petition),
    reason: shortened(decision.reason, MAX_REASON_LENGTH),
    receivedAt: petition.receivedAt.toISOString(),
    assignedAt: input.assignedAt.toISOString(),
    confidence: decision.confidence,
    decidedBy: decision.decidedBy,
    needsReview: decision.needsReview,
    ...(decision.handlingTown ? { handlingTown: decision.handlingTown } : {}),
    ...(onDuty ? { onDuty: dutyOfficerV1(onDuty) } : {}),
    ...(input.districtVersion ? { districtVersion: input.districtVersion } : {}),
    ...(input.modelVersion ? { modelVersion: input.modelVersion } : {}),
  };
}

/**
 * The work order for one department involved in a decision: everything it needs to act (summary, category,
 * location, deadline, urgency, the other departments, who is on duty there) and nothing about the reporter, whose
 * contact routing never holds. Pure.
 */
export function workOrderPayload(input: {
  petition: PetitionFacts;
  decision: Pick<
    RoutingDecision,
    'departmentCode' | 'coDepartments' | 'category' | 'complexity' | 'urgent' | 'handlingTown'
  >;
  departmentCode: string;
  district: District;
  onDuty?: DutyOfficer;
  issuedAt: Date;
  timeouts: AcknowledgementTimeouts;
}): WorkOrderIssuedV1 {
  const { petition, decision, departmentCode } = input;
  const resolveBy = petition.receivedAt.getTime() + resolveWithinDays(decision.complexity, input.district) * DAY_MS;
  return {
    petitionId: petition.petitionId,
    departmentCode,
    role: departmentCode === decision.departmentCode ? 'primary' : 'co',
    summary: petition.text,
    category: decision.category,
    ...locationOf(petition),
    ...(petition.address ? { address: petition.address } : {}),
    ...(petition.latitude !== undefined ? { latitude: petition.latitude } : {}),
    ...(petition.longitude !== undefined ? { longitude: petition.longitude } : {}),
    ...(departmentCode === 'TOWN' && decision.handlingTown ? { handlingTown: decision.handlingTown } : {}),
    ...(input.onDuty ? { onDuty: dutyOfficerV1(input.onDuty) } : {}),
    complexity: decision.complexity,
    urgent: decision.urgent,
    coDepartments: [...decision.coDepartments],
    resolveBy: new Date(resolveBy).toISOString(),
    issuedAt: input.issuedAt.toISOString(),
    acknowledgeBy: acknowledgeBy(input.issuedAt, decision.urgent, input.timeouts).toISOString(),
  };
}

/** What the official on duty is told about an urgent petition: short enough for a chat message. Pure. */
export function urgentNotice(
  petition: PetitionFacts,
  decision: Pick<RoutingDecision, 'departmentCode' | 'coDepartments'>,
): string {
  const departments = [decision.departmentCode, ...decision.coDepartments].join('、');
  const place = [petition.town, petition.unit, petition.grid].filter(Boolean).join(' / ');
  return `【紧急诉求】${shortened(petition.text, 300)}（${place || '地点待核实'}；已交办 ${departments}）`;
}
