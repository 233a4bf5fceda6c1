import { ChannelMessageReceivedV1 } from './events/channel-message-received.v1';
import { DeadlineArmedV1, DeadlineBreachedV1, DeadlineStoppedV1 } from './events/deadline-events.v1';
import {
  DepartmentAcknowledgedV1,
  DepartmentExtensionRequestedV1,
  DepartmentProgressReportedV1,
  DepartmentResolvedV1,
  DepartmentTransferRequestedV1,
} from './events/department-responses.v1';
import { DutyNotificationRequestedV1 } from './events/duty-notification-requested.v1';
import { PetitionAssignedV1 } from './events/petition-assigned.v1';
import { PetitionReceivedV1 } from './events/petition-received.v1';
import { PetitionReviewedV1 } from './events/petition-reviewed.v1';
import { RecordPublishedV1 } from './events/record-published.v1';
import {
  PetitionAcknowledgementOverdueV1,
  PetitionCoordinationRequiredV1,
  PetitionReassignedV1,
  PetitionTriageQueuedV1,
} from './events/routing-events.v1';
import { WorkOrderIssuedV1 } from './events/work-order-issued.v1';
import { WorkOrderWithdrawnV1 } from './events/work-order-withdrawn.v1';
import { DEPT_ASSIGNMENTS_TOPIC_PATTERN, Topics, isDeptAssignmentsTopic } from './topics';

/**
 * Every event type, the topic it travels on and the payload class of its current version.
 * Old versions stay frozen in their own `*.vN.ts` files and are upcast by readers (none yet: all are v1).
 */
export const EventCatalog = {
  'channel.message-received': { topic: Topics.channelInbound, payload: ChannelMessageReceivedV1 },
  'petition.received': { topic: Topics.petitionEvents, payload: PetitionReceivedV1 },
  'petition.assigned': { topic: Topics.routingEvents, payload: PetitionAssignedV1 },
  'petition.triage-queued': { topic: Topics.routingEvents, payload: PetitionTriageQueuedV1 },
  'petition.reassigned': { topic: Topics.routingEvents, payload: PetitionReassignedV1 },
  'petition.coordination-required': { topic: Topics.routingEvents, payload: PetitionCoordinationRequiredV1 },
  'petition.acknowledgement-overdue': { topic: Topics.routingEvents, payload: PetitionAcknowledgementOverdueV1 },
  'work-order.issued': { topic: DEPT_ASSIGNMENTS_TOPIC_PATTERN, payload: WorkOrderIssuedV1 },
  'work-order.withdrawn': { topic: DEPT_ASSIGNMENTS_TOPIC_PATTERN, payload: WorkOrderWithdrawnV1 },
  'duty.notification-requested': { topic: Topics.channelOutbound, payload: DutyNotificationRequestedV1 },
  'department.acknowledged': { topic: Topics.deptResponses, payload: DepartmentAcknowledgedV1 },
  'department.progress-reported': { topic: Topics.deptResponses, payload: DepartmentProgressReportedV1 },
  'department.resolved': { topic: Topics.deptResponses, payload: DepartmentResolvedV1 },
  'department.transfer-requested': { topic: Topics.deptResponses, payload: DepartmentTransferRequestedV1 },
  'department.extension-requested': { topic: Topics.deptResponses, payload: DepartmentExtensionRequestedV1 },
  'deadline.armed': { topic: Topics.deadlineEvents, payload: DeadlineArmedV1 },
  'deadline.breached': { topic: Topics.deadlineEvents, payload: DeadlineBreachedV1 },
  'deadline.stopped': { topic: Topics.deadlineEvents, payload: DeadlineStoppedV1 },
  'petition.reviewed': { topic: Topics.accountabilityEvents, payload: PetitionReviewedV1 },
  'record.published': { topic: Topics.disclosureEvents, payload: RecordPublishedV1 },
} as const;

export type EventType = keyof typeof EventCatalog;

/** Event type → payload type, so that every emit and every handler is type-checked. */
export type EventPayloads = { [T in EventType]: InstanceType<(typeof EventCatalog)[T]['payload']> };

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalog, type);
}

export function currentVersionOf(type: EventType): number {
  return EventCatalog[type].payload.version;
}

/** The topic pattern an event type travels on (`dept.{departmentCode}.assignments` for work orders). */
export function topicPatternOf(type: EventType): string {
  return EventCatalog[type].topic;
}

/** Event types that may appear on a concrete topic. */
export function eventTypesOnTopic(topic: string): EventType[] {
  const pattern = isDeptAssignmentsTopic(topic) ? DEPT_ASSIGNMENTS_TOPIC_PATTERN : topic;
  return (Object.keys(EventCatalog) as EventType[]).filter((type) => EventCatalog[type].topic === pattern);
}

/** Every fixed topic name and topic pattern in the catalogue (for the AsyncAPI completeness test). */
export function allTopicPatterns(): string[] {
  return [...new Set(Object.values(EventCatalog).map((entry) => entry.topic))];
}
