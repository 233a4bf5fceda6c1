import { Injectable } from '@nestjs/common';
import {
  OUTBOX_COLUMNS,
  OutboxMessageEntity,
  outboxChannel,
  outboxRowValues,
  type PendingEvent,
} from '@petitions/messaging';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import type { EntityManager } from 'typeorm';
import { PetitionEntity } from './petition.entity';

/** A channel's own message: at most one petition each. */
export interface ChannelMessageKey {
  readonly channel: string;
  readonly channelMessageId: string;
}

/** What a duplicate submission is answered with: the petition stored the first time. */
export interface StoredPetition extends ChannelMessageKey {
  readonly id: string;
  readonly trackingCode: string;
}

/** A petition built from a channel message, with the `petition.received` that announces it if it is new. */
export interface Submission {
  readonly petition: PetitionEntity;
  readonly received: PendingEvent<'petition.received'>;
}

interface Tables {
  readonly petitions: string;
  readonly petitionColumns: string;
  readonly read: (petition: PetitionEntity) => unknown[];
  readonly outbox: string;
  readonly outboxChannel: string;
}

/** The outbox row's values after the petition id that the row belongs to, with the casts VALUES needs. */
const EVENT_CASTS = ['uuid', 'uuid', 'text', 'text', 'text', 'jsonb', 'text'] as const;

@Injectable()
export class PetitionRepository {
  private tables: Tables | undefined;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Stores the submissions whose channel message is not stored yet, each with its event in the outbox, and wakes the
   * outbox relay: one statement, so one round trip. In the caller's transaction if there is one; otherwise the
   * statement is its own transaction, committed when this resolves. Resolves with the ids of the petitions it
   * inserted. Only the channel message's key counts as "already stored": any other conflict (a tracking code drawn
   * twice) is an error, never a silently dropped petition.
   */
  async insertNew(submissions: readonly Submission[]): Promise<ReadonlySet<string>> {
    if (submissions.length === 0) return new Set();
    const manager = this.unitOfWork.reader();
    const tables = (this.tables ??= tablesOf(manager));
    const parameters: unknown[] = [tables.outboxChannel];
    const placeholders = (values: readonly unknown[], casts: readonly string[] = []): string => {
      const first = parameters.length + 1;
      parameters.push(...values);
      return `(${values.map((_, index) => `$${first + index}${casts[index] ? `::${casts[index]}` : ''}`).join(', ')})`;
    };
    const petitionRows = submissions.map(({ petition }) => placeholders(tables.read(petition)));
    const eventRows = submissions.map(({ petition, received }, index) =>
      placeholders([petition.id, ...outboxRowValues(received), index], [...EVENT_CASTS, 'int']),
    );
    const inserted = await manager.query<{ id: string }[]>(
      `WITH inserted AS (
         INSERT INTO ${tables.petitions} (${tables.petitionColumns}) VALUES ${petitionRows.join(', ')}
         ON CONFLICT ("channel", "channel_message_id") DO NOTHING RETURNING "id"
       ), events (petition_id, ${OUTBOX_COLUMNS.join(', ')}, position) AS (
         VALUES ${eventRows.join(', ')}
       ), appended AS (
         INSERT INTO ${tables.outbox} (${OUTBOX_COLUMNS.join(', ')})
         SELECT ${OUTBOX_COLUMNS.map((column) => `events.${column}`).join(', ')}
           FROM events JOIN inserted ON inserted.id = events.petition_id ORDER BY events.position
       )
       SELECT inserted.id, (SELECT pg_notify($1, '')) AS notified FROM inserted`,
      parameters,
    );
    return new Set(inserted.map((row) => row.id));
  }

  /** The stored petitions of these channel messages (those that have one). */
  findByChannelMessages(keys: readonly ChannelMessageKey[]): Promise<StoredPetition[]> {
    if (keys.length === 0) return Promise.resolve([]);
    const manager = this.unitOfWork.reader();
    const tables = (this.tables ??= tablesOf(manager));
    return manager.query<StoredPetition[]>(
      `SELECT p.id, p.tracking_code AS "trackingCode", p.channel, p.channel_message_id AS "channelMessageId"
         FROM ${tables.petitions} p
         JOIN unnest($1::text[], $2::text[]) AS k(channel, channel_message_id) USING (channel, channel_message_id)`,
      [keys.map((key) => key.channel), keys.map((key) => key.channelMessageId)],
    );
  }
}

/**
 * Table names and the petition's column list, built once from TypeORM's metadata (so a column added to the entity is
 * inserted too). Written in SQL: TypeORM's query builder spent more CPU building the statement on every request than
 * PostgreSQL spent running it, and a transaction around two statements costs four round trips where one will do
 * (docs/benchmarks.md).
 */
function tablesOf(manager: EntityManager): Tables {
  const columns = manager.connection.getMetadata(PetitionEntity).columns;
  const outboxSchema = manager.connection.getMetadata(OutboxMessageEntity).schema;
  if (!outboxSchema) throw new Error('intake needs a DataSource with a schema');
  return {
    petitions: qualifiedTable(manager, PetitionEntity),
    petitionColumns: columns.map((column) => `"${column.databaseName}"`).join(', '),
    read: (petition) => columns.map((column) => (column.getEntityValue(petition) as unknown) ?? null),
    outbox: qualifiedTable(manager, OutboxMessageEntity),
    outboxChannel: outboxChannel(outboxSchema),
  };
}
