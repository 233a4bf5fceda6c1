import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to be published, written in the same transaction as the state change that caused it.
 * The table lives in each service's own schema. `id` gives the publication order.
 */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_unsent_idx', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The envelope's event id; unique, so an effect that emits a fixed id can never emit it twice. */
  @Column('uuid', { name: 'event_id', unique: true })
  eventId!: string;

  @Column('text')
  topic!: string;

  @Column('text', { name: 'message_key' })
  messageKey!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('jsonb')
  headers!: Record<string, string>;

  /** The exact bytes to publish (JSON text), so what is sent is what was committed. */
  @Column('text')
  payload!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
