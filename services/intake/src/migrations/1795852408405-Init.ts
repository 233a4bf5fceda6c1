import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class Init1795852408405 implements MigrationInterface {
  name = 'Init1795852408405';

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
      `CREATE TABLE "${schema}"."petitions" ("id" uuid NOT NULL, "tracking_code" text NOT NULL, "channel" text NOT NULL, "channel_message_id" text NOT NULL, "text" text NOT NULL, "town" text, "unit" text, "grid" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_7734295e13098ea68673994c968" UNIQUE ("tracking_code"), CONSTRAINT "PK_db291e9a07cb5e6850128379cf1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "petitions_channel_message_uq" ON "${schema}"."petitions"  ("channel", "channel_message_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."petitions_channel_message_uq"`);
    await queryRunner.query(`DROP TABLE "${schema}"."petitions"`);
    await queryRunner.query(`DROP TABLE "${schema}"."inbox_messages"`);
    await queryRunner.query(`DROP INDEX "${schema}"."outbox_messages_unsent_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."outbox_messages"`);
  }
}
