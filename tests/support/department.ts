import { envelopeToHeaders, newEventId, Topics, type EventPayloads } from '@petitions/contracts';
import type { Producer } from 'kafkajs';

type DepartmentEventType = 'department.acknowledged' | 'department.progress-reported' | 'department.resolved';

/** Plays a department's own system: answers on `dept.responses` with a proper envelope, as the contract says. */
export async function sendDepartmentResponse<T extends DepartmentEventType>(
  producer: Producer,
  type: T,
  payload: EventPayloads[T],
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
    correlationId: payload.petitionId,
  });
  await producer.send({
    topic: Topics.deptResponses,
    acks: -1,
    messages: [{ key: payload.petitionId, value: JSON.stringify(payload), headers }],
  });
  return eventId;
}
