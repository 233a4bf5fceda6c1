import { envelopeToHeaders } from '@petitions/contracts';
import type { UnitOfWork } from '@petitions/platform';
import { OutboxMessageEntity } from './outbox-message.entity';
import type { OutboxPayloadCodec } from './outbox-payload-codec';
import type { PendingEvent } from './pending-event';

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * Stores events in the current transaction. They are published by the OutboxRelay only once that transaction has
 * committed; a NOTIFY (delivered by PostgreSQL at commit) wakes the relay at once.
 */
export class Outbox {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly schema: string,
    private readonly codec?: OutboxPayloadCodec,
  ) {}

  async append(events: readonly PendingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const manager = this.unitOfWork.transactional();
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values(
        events.map((event) => ({
          eventId: event.envelope.eventId,
          topic: event.topic,
          messageKey: event.key,
          eventType: event.envelope.type,
          headers: envelopeToHeaders(event.envelope),
          payload: this.stored(event),
        })),
      )
      .execute();
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
  }

  private stored(event: PendingEvent): string {
    const json = JSON.stringify(event.payload);
    return this.codec ? this.codec.seal(event.envelope.type, json) : json;
  }
}
