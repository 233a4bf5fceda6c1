import { envelopeToHeaders, newEventId, Topics, type EventPayloads, type EventType } from '@petitions/contracts';
import type { Producer } from 'kafkajs';

type DepartmentEventType = 'department.acknowledged' | 'department.progress-reported' | 'department.resolved';

/** The work order being answered: its headers give the story's correlation id and the causation id. */
export interface AnsweredWorkOrder {
  headers: Record<string, string>;
}

/**
 * Publishes one event about a petition with a proper envelope, keyed by the petition id, as its producing service
 * would (tests play routing, deadline-tracking or a department with it). Returns the event id.
 */
export async function sendPetitionEvent<T extends EventType>(
  producer: Producer,
  options: {
    topic: string;
    type: T;
    payload: EventPayloads[T] & { petitionId: string };
    producer: string;
    correlationId?: string;
    causationId?: string;
    occurredAt?: Date;
  },
): Promise<string> {
  const eventId = newEventId();
  const { petitionId } = options.payload;
  const headers = envelopeToHeaders({
    eventId,
    type: options.type,
    schemaVersion: 1,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer: options.producer,
    petitionId,
    correlationId: options.correlationId ?? petitionId,
    ...(options.causationId ? { causationId: options.causationId } : {}),
  });
  await producer.send({
    topic: options.topic,
    acks: -1,
    messages: [{ key: petitionId, value: JSON.stringify(options.payload), headers }],
  });
  return eventId;
}

/**
 * Plays a department's own system: answers on `dept.responses` with a proper envelope, as the contract says,
 * carrying on the correlation id of the work order it answers (or the petition id when there is none).
 */
export function sendDepartmentResponse<T extends DepartmentEventType>(
  producer: Producer,
  type: T,
  payload: EventPayloads[T],
  answering?: AnsweredWorkOrder,
  occurredAt: Date = new Date(),
): Promise<string> {
  return sendPetitionEvent(producer, {
    topic: Topics.deptResponses,
    type,
    payload,
    producer: `dept-system-${payload.departmentCode}`,
    correlationId: answering?.headers['correlation-id'],
    causationId: answering?.headers['event-id'],
    occurredAt,
  });
}
