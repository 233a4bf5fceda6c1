import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class Init1795852411135 implements MigrationInterface {
  name = 'Init1795852411135';

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
      `CREATE TABLE "${schema}"."public_records" ("id" uuid NOT NULL, "sequence" bigint NOT NULL, "petition_id" uuid NOT NULL, "department_code" text NOT NULL, "category" text NOT NULL, "town" text, "unit" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "handling_seconds" integer NOT NULL, "within_deadline" boolean NOT NULL, "result_summary" text NOT NULL, "findings" text array NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "previous_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_c7cd23f346a2fb0e3839dd14db7" UNIQUE ("sequence"), CONSTRAINT "UQ_9a7d78c258adbadbcc01e48f57c" UNIQUE ("petition_id"), CONSTRAINT "PK_dc57918640c355733fb223fa1df" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."public_records"`);
    await queryRunner.query(`DROP TABLE "${schema}"."inbox_messages"`);
    await queryRunner.query(`DROP INDEX "${schema}"."outbox_messages_unsent_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."outbox_messages"`);
  }
}
