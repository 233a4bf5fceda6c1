import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class AddFeedbackAndReopening1795865571870 implements MigrationInterface {
  name = 'AddFeedbackAndReopening1795865571870';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."petition_feedback" ("event_id" uuid NOT NULL, "petition_id" uuid NOT NULL, "channel" text NOT NULL, "channel_message_id" text NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "satisfied" boolean NOT NULL, "comment" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e7b0af147e8752d779c07d0a07e" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "petition_feedback_resolution_uq" ON "${schema}"."petition_feedback"  ("petition_id", "resolved_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "petition_feedback_channel_message_uq" ON "${schema}"."petition_feedback"  ("channel", "channel_message_id") `,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" ADD "resolved_by" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" ADD "satisfied" boolean`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" ADD "reopened_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."petition_status" ADD "reopen_count" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "${schema}"."petition_status" ADD "reopened_resolution_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" DROP COLUMN "reopened_resolution_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" DROP COLUMN "reopen_count"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" DROP COLUMN "reopened_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" DROP COLUMN "satisfied"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_status" DROP COLUMN "resolved_by"`);
    await queryRunner.query(`DROP INDEX "${schema}"."petition_feedback_channel_message_uq"`);
    await queryRunner.query(`DROP INDEX "${schema}"."petition_feedback_resolution_uq"`);
    await queryRunner.query(`DROP TABLE "${schema}"."petition_feedback"`);
  }
}
