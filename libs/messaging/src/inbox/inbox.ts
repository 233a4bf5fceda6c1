import type { UnitOfWork } from '@petitions/platform';
import { InboxMessageEntity } from './inbox-message.entity';

/** Idempotent consumption: an event applies at most once per consumer group, whatever Kafka redelivers. */
export class Inbox {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** True when this is the first time; false when the group has applied the event already (skip it). */
  async claim(consumerGroup: string, eventId: string, eventType: string): Promise<boolean> {
    const result = await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(InboxMessageEntity)
      .values({ consumerGroup, eventId, eventType })
      .orIgnore()
      .returning(['eventId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
