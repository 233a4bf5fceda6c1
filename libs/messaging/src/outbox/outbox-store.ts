import type { DataSource } from 'typeorm';

export interface UnsentRow {
  id: string;
  topic: string;
  messageKey: string;
  headers: Record<string, string>;
  payload: string;
}

/** Runs one statement on a particular connection (the relay's leader session). */
export type SessionQuery = <T>(sql: string, parameters: unknown[]) => Promise<T[]>;

/** The relay's SQL over a schema's outbox table. */
export class OutboxStore {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `"${schema}"."outbox_messages"`;
  }

  nextUnsent(session: SessionQuery, limit: number): Promise<UnsentRow[]> {
    return session<UnsentRow>(
      `SELECT id, topic, message_key AS "messageKey", headers, payload
         FROM ${this.table} WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markSent(session: SessionQuery, ids: readonly string[]): Promise<void> {
    await session(`UPDATE ${this.table} SET sent_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async countUnsent(): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${this.table} WHERE sent_at IS NULL`,
    );
    return Number(rows[0]?.count ?? 0);
  }
}
