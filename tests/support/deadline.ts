import { envelopeToHeaders, newEventId, Topics } from '@petitions/contracts';
import type { Producer } from 'kafkajs';

export interface Assignment {
  petitionId: string;
  receivedAt: Date;
  /** When routing (re)assigned it; default now. A later assignment to another department is a transfer. */
  assignedAt?: Date;
  departmentCode?: string;
  complexity?: 'general' | 'complex';
  urgent?: boolean;
}

/** Plays routing: `petition.assigned` on routing.events, one message per assignment. */
export async function sendAssignments(producer: Producer, assignments: Assignment[]): Promise<void> {
  await producer.send({
    topic: Topics.routingEvents,
    acks: -1,
    messages: assignments.map((assignment) => {
      const eventId = newEventId();
      const receivedAt = assignment.receivedAt.toISOString();
      const payload = {
        petitionId: assignment.petitionId,
        departmentCode: assignment.departmentCode ?? 'URBAN',
        coDepartments: [],
        category: 'sewer-and-drain',
        complexity: assignment.complexity ?? 'general',
        urgent: assignment.urgent ?? false,
        town: 'FUKOU_TOWN',
        reason: 'test',
        receivedAt,
        assignedAt: (assignment.assignedAt ?? new Date()).toISOString(),
      };
      const headers = envelopeToHeaders({
        eventId,
        type: 'petition.assigned',
        schemaVersion: 1,
        occurredAt: receivedAt,
        producer: 'routing',
        petitionId: assignment.petitionId,
        correlationId: eventId,
      });
      return { key: assignment.petitionId, value: JSON.stringify(payload), headers };
    }),
  });
}

/** Test time: deadline tracking's offset, through its guarded endpoint (DEADLINE_TIME_CONTROL=true). */
export async function setDeadlineTime(serviceUrl: string, offsetMs: number): Promise<void> {
  const response = await fetch(`${serviceUrl}/test/time`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs }),
  });
  if (response.status !== 200) throw new Error(`PUT /test/time answered ${response.status}`);
}
