import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class AddOpen311Requests1795865142096 implements MigrationInterface {
  name = 'AddOpen311Requests1795865142096';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."open311_requests" ("petition_id" uuid NOT NULL, "key_id" text NOT NULL, "media_url" text, CONSTRAINT "PK_f70fb31859ad3851726976c573f" PRIMARY KEY ("petition_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_timeline" ADD "note" text`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."petition_timeline" ADD "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `CREATE INDEX "petition_timeline_recorded_idx" ON "${schema}"."petition_timeline"  ("recorded_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."petition_timeline_recorded_idx"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_timeline" DROP COLUMN "recorded_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petition_timeline" DROP COLUMN "note"`);
    await queryRunner.query(`DROP TABLE "${schema}"."open311_requests"`);
  }
}
