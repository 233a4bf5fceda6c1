import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class Init1795853947908 implements MigrationInterface {
  name = 'Init1795853947908';

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
      `CREATE TABLE "${schema}"."clocks" ("id" uuid NOT NULL, "petition_id" uuid NOT NULL, "department_code" text NOT NULL, "policy" text NOT NULL, "state" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "breached_at" TIMESTAMP WITH TIME ZONE, "stopped_at" TIMESTAMP WITH TIME ZONE, "correlation_id" uuid NOT NULL, "armed_event_id" uuid NOT NULL, CONSTRAINT "UQ_53e1400be6aac1fa18fe7a19246" UNIQUE ("petition_id"), CONSTRAINT "PK_6d0ea9761dab0136878c6ddffee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "clocks_due_running_idx" ON "${schema}"."clocks"  ("due_at") WHERE state = 'running'`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."resolutions" ("petition_id" uuid NOT NULL, "department_code" text NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6d8fedfdf5ce3bc25dc8be70191" PRIMARY KEY ("petition_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."resolutions"`);
    await queryRunner.query(`DROP INDEX "${schema}"."clocks_due_running_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."clocks"`);
    await queryRunner.query(`DROP TABLE "${schema}"."inbox_messages"`);
    await queryRunner.query(`DROP INDEX "${schema}"."outbox_messages_unsent_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."outbox_messages"`);
  }
}
