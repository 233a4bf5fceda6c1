import { envelopeToHeaders, newEventId, Topics, type EventPayloads } from '@petitions/contracts';
import type { Producer } from 'kafkajs';

type DepartmentEventType = 'department.acknowledged' | 'department.progress-reported' | 'department.resolved';

/** The work order being answered: its headers give the story's correlation id and the causation id. */
export interface AnsweredWorkOrder {
  headers: Record<string, string>;
}

/**
 * Plays a department's own system: answers on `dept.responses` with a proper envelope, as the contract says,
 * carrying on the correlation id of the work order it answers (or the petition id when there is none).
 */
export async function sendDepartmentResponse<T extends DepartmentEventType>(
  producer: Producer,
  type: T,
  payload: EventPayloads[T],
  answering?: AnsweredWorkOrder,
  occurredAt: Date = new Date(),
): Promise<string> {
  const eventId = newEventId();
  const headers = envelopeToHeaders({
    eventId,
    type,
    schemaVersion: 1,
    occurredAt: occurredAt.toISOString(),
    producer: `dept-system-${payload.departmentCode}`,
    petitionId: payload.petitionId,
    correlationId: answering?.headers['correlation-id'] ?? payload.petitionId,
    ...(answering?.headers['event-id'] ? { causationId: answering.headers['event-id'] } : {}),
  });
  await producer.send({
    topic: Topics.deptResponses,
    acks: -1,
    messages: [{ key: payload.petitionId, value: JSON.stringify(payload), headers }],
  });
  return eventId;
}
