import { envelopeToHeaders } from '@petitions/contracts';
import type { UnitOfWork } from '@petitions/platform';
import type { PendingEvent } from './pending-event';

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/** The columns of an outbox row that a writer fills, in the order of `outboxRowValues`. */
export const OUTBOX_COLUMNS = ['event_id', 'topic', 'message_key', 'event_type', 'headers', 'payload'] as const;

/**
 * One event as the values of its outbox row (the envelope as headers, the payload as the exact JSON text to send),
 * for `Outbox.append` and for a repository that writes its rows and their events in one statement.
 */
export function outboxRowValues(event: PendingEvent): unknown[] {
  return [
    event.envelope.eventId,
    event.topic,
    event.key,
    event.envelope.type,
    JSON.stringify(envelopeToHeaders(event.envelope)),
    JSON.stringify(event.payload),
  ];
}

/**
 * Stores events in the current transaction. They are published by the OutboxRelay only once that transaction has
 * committed; a NOTIFY (delivered by PostgreSQL at commit) wakes the relay at once.
 */
export class Outbox {
  private readonly table: string;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly schema: string,
  ) {
    this.table = `"${schema}"."outbox_messages"`;
  }

  /**
   * One statement, one round trip: the rows and the NOTIFY together (a data-modifying WITH always runs to
   * completion). Written in SQL rather than with TypeORM's query builder, whose statement building cost more CPU per
   * request than the insert itself (docs/benchmarks.md).
   */
  async append(events: readonly PendingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const manager = this.unitOfWork.transactional();
    const parameters: unknown[] = [outboxChannel(this.schema)];
    const rows = events.map((event) => {
      parameters.push(...outboxRowValues(event));
      const first = parameters.length - OUTBOX_COLUMNS.length + 1;
      return `(${OUTBOX_COLUMNS.map((_, index) => `$${first + index}`).join(', ')})`;
    });
    await manager.query(
      `WITH appended AS (INSERT INTO ${this.table} (${OUTBOX_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}) ` +
        `SELECT pg_notify($1, '')`,
      parameters,
    );
  }
}
