import { ChannelMessageReceivedV1 } from './events/channel-message-received.v1';
import { DeadlineArmedV1, DeadlineBreachedV1, DeadlineStoppedV1 } from './events/deadline-events.v1';
import {
  DeadlineExtensionDecidedV1,
  DeadlineExtensionRequestedV1,
  DeadlineHoldingRecordedV1,
  DeadlinePausedV1,
  DeadlineResumedV1,
  DeadlineStepReachedV1,
} from './events/deadline-ladder.v1';
import {
  DepartmentAcknowledgedV1,
  DepartmentProgressReportedV1,
  DepartmentResolvedV1,
} from './events/department-responses.v1';
import { PetitionAssignedV1 } from './events/petition-assigned.v1';
import { PetitionReceivedV1 } from './events/petition-received.v1';
import { PetitionReviewedV1 } from './events/petition-reviewed.v1';
import { RecordPublishedV1 } from './events/record-published.v1';
import { WorkOrderIssuedV1 } from './events/work-order-issued.v1';
import { DEPT_ASSIGNMENTS_TOPIC_PATTERN, Topics, isDeptAssignmentsTopic } from './topics';

/**
 * Every event type, the topic it travels on and the payload class of its current version.
 * Old versions stay frozen in their own `*.vN.ts` files and are upcast by readers (none yet: all are v1).
 */
export const EventCatalog = {
  'channel.message-received': { topic: Topics.channelInbound, payload: ChannelMessageReceivedV1 },
  'petition.received': { topic: Topics.petitionEvents, payload: PetitionReceivedV1 },
  'petition.assigned': { topic: Topics.routingEvents, payload: PetitionAssignedV1 },
  'work-order.issued': { topic: DEPT_ASSIGNMENTS_TOPIC_PATTERN, payload: WorkOrderIssuedV1 },
  'department.acknowledged': { topic: Topics.deptResponses, payload: DepartmentAcknowledgedV1 },
  'department.progress-reported': { topic: Topics.deptResponses, payload: DepartmentProgressReportedV1 },
  'department.resolved': { topic: Topics.deptResponses, payload: DepartmentResolvedV1 },
  'deadline.armed': { topic: Topics.deadlineEvents, payload: DeadlineArmedV1 },
  'deadline.breached': { topic: Topics.deadlineEvents, payload: DeadlineBreachedV1 },
  'deadline.stopped': { topic: Topics.deadlineEvents, payload: DeadlineStoppedV1 },
  'deadline.step-reached': { topic: Topics.deadlineEvents, payload: DeadlineStepReachedV1 },
  'deadline.paused': { topic: Topics.deadlineEvents, payload: DeadlinePausedV1 },
  'deadline.resumed': { topic: Topics.deadlineEvents, payload: DeadlineResumedV1 },
  'deadline.extension-requested': { topic: Topics.deadlineEvents, payload: DeadlineExtensionRequestedV1 },
  'deadline.extension-decided': { topic: Topics.deadlineEvents, payload: DeadlineExtensionDecidedV1 },
  'deadline.holding-recorded': { topic: Topics.deadlineEvents, payload: DeadlineHoldingRecordedV1 },
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
