import { Logger } from '@nestjs/common';
import { Client, type QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { MessagePublisher, OutgoingMessage } from '../kafka/message-publisher';
import { outboxChannel } from './outbox';
import { OutboxStore, type SessionQuery } from './outbox-store';

export interface OutboxRelayOptions {
  databaseUrl: string;
  schema: string;
  batchSize?: number;
  /** Fallback poll when no notification arrives (another writer's NOTIFY lost with a dropped connection). */
  idlePollMs?: number;
}

const MAX_BACKOFF_MS = 5000;

/**
 * Publishes committed outbox rows in id order, then marks them sent. One relay per schema is active at a time
 * (a session advisory lock held on its LISTEN connection); the others stand by and take over if it dies.
 * Kafka's idempotent producer removes retry duplicates; consumers' inboxes remove the rest.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly store: OutboxStore;
  private client: Client | undefined;
  private leader = false;
  private running = false;
  private draining = false;
  private notified = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    dataSource: DataSource,
    private readonly publisher: MessagePublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    this.store = new OutboxStore(dataSource, options.schema);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after publishing everything already committed (bounded by `timeoutMs`). */
  async stop(timeoutMs: number): Promise<void> {
    this.draining = true;
    this.signal();
    const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([this.loop, timer]);
    this.running = false;
    this.signal();
    await this.loop;
    await this.disconnect();
  }

  /** Unsent rows (for metrics and readiness of tests). */
  backlog(): Promise<number> {
    return this.store.countUnsent();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!this.leader) await this.tryLead();
        if (!this.leader) {
          if (this.draining) return;
          await this.idle();
          continue;
        }
        const published = await this.publishOnce();
        failures = 0;
        if (published === 0) {
          if (this.draining) return;
          await this.idle();
        }
      } catch (error) {
        failures += 1;
        this.logger.warn(`outbox relay (${this.options.schema}) failed: ${(error as Error).message}`);
        if (this.draining && failures >= 3) return;
        await this.pause(Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures));
      }
    }
  }

  /**
   * The rows are read on the leader's own session: the advisory lock lives as long as that session, so a round trip on
   * it proves the lock is still ours right before publishing (a relay whose connection died silently must not publish
   * beside its successor). Reading on it rather than on the pool saves a separate check per batch.
   */
  private async publishOnce(): Promise<number> {
    const session = this.leaderSession();
    const rows = await this.store.nextUnsent(session, this.options.batchSize ?? 500);
    if (rows.length === 0) return 0;
    const messages: OutgoingMessage[] = rows.map((row) => ({
      topic: row.topic,
      key: row.messageKey,
      value: row.payload,
      headers: row.headers,
    }));
    await this.publisher.publish(messages);
    await this.store.markSent(
      session,
      rows.map((row) => row.id),
    );
    return rows.length;
  }

  private async tryLead(): Promise<void> {
    if (!this.client) {
      const client = new Client({
        connectionString: this.options.databaseUrl,
        application_name: 'outbox-relay',
        keepAlive: true,
      });
      client.on('notification', () => this.signal());
      client.on('error', (error) => {
        this.logger.warn(`outbox relay connection lost: ${error.message}`);
        this.leader = false;
        this.client = undefined;
        void client.end().catch(() => undefined);
      });
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
      this.client = client;
    }
    const result = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `outbox-relay:${this.options.schema}`,
    ]);
    this.leader = result.rows[0]?.locked === true;
  }

  private leaderSession(): SessionQuery {
    const client = this.client;
    if (!client) throw new Error('relay lost its leadership connection');
    return async <T>(sql: string, parameters: unknown[]) =>
      (await client.query<T & QueryResultRow>(sql, parameters)).rows;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    if (client) await client.end().catch(() => undefined);
  }

  private signal(): void {
    this.notified = true;
    this.wake?.();
  }

  private idle(): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return this.pause(this.options.idlePollMs ?? 1000);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
