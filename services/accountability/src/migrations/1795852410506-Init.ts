import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class Init1795852410506 implements MigrationInterface {
  name = 'Init1795852410506';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."outbox_messages" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "event_id" uuid NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "event_type" text NOT NULL, "headers" jsonb NOT NULL, "payload" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_056a423c8da414f84f61e2ee451" UNIQUE ("event_id"), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_messages_unsent_idx" ON "${schema}"."outbox_messages"  ("id") WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."inbox_messages" ("consumer_group" text NOT NULL, "event_id" uuid NOT NULL, "event_type" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24500a06ac5a0896e2fa831696a" PRIMARY KEY ("consumer_group", "event_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."history_events" ("event_id" uuid NOT NULL, "petition_id" uuid NOT NULL, "event_type" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "department_code" text, "payload" jsonb NOT NULL, CONSTRAINT "PK_5387d5018e8753ac9108ac3d18c" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "history_events_petition_idx" ON "${schema}"."history_events"  ("petition_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."petition_files" ("petition_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE, "town" text, "unit" text, "department_code" text, "category" text, "complexity" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "result" text, "within_deadline" boolean, "breached" boolean NOT NULL DEFAULT false, "reviewed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7b154ac2864d4c78242f5ef4913" PRIMARY KEY ("petition_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."petition_files"`);
    await queryRunner.query(`DROP INDEX "${schema}"."history_events_petition_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."history_events"`);
    await queryRunner.query(`DROP TABLE "${schema}"."inbox_messages"`);
    await queryRunner.query(`DROP INDEX "${schema}"."outbox_messages_unsent_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."outbox_messages"`);
  }
}
