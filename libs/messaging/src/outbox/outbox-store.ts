import type { DataSource } from 'typeorm';

export interface UnsentRow {
  id: string;
  topic: string;
  messageKey: string;
  eventType: string;
  headers: Record<string, string>;
  payload: string;
}

/** The relay's SQL over a schema's outbox table. */
export class OutboxStore {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `"${schema}"."outbox_messages"`;
  }

  nextUnsent(limit: number): Promise<UnsentRow[]> {
    return this.dataSource.query(
      `SELECT id, topic, message_key AS "messageKey", event_type AS "eventType", headers, payload
         FROM ${this.table} WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markSent(ids: readonly string[]): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.table} SET sent_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async countUnsent(): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${this.table} WHERE sent_at IS NULL`,
    );
    return Number(rows[0]?.count ?? 0);
  }
}
