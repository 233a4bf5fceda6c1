import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class AddPetitionStatus1795857705900 implements MigrationInterface {
  name = 'AddPetitionStatus1795857705900';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."petition_status" ("petition_id" uuid NOT NULL, "status" text NOT NULL, "department_code" text, "co_departments" text array NOT NULL DEFAULT '{}', "category" text, "complexity" text, "assigned_at" TIMESTAMP WITH TIME ZONE, "armed_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "progress_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "result" text, "breached_at" TIMESTAMP WITH TIME ZONE, "stopped_at" TIMESTAMP WITH TIME ZONE, "within_deadline" boolean, CONSTRAINT "PK_b705248415c20c4ff0b5625e3e1" PRIMARY KEY ("petition_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."petition_timeline" ("event_id" uuid NOT NULL, "petition_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "event" text NOT NULL, "department_code" text, CONSTRAINT "PK_9e7d3b906ef08f3036f284cf8e7" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "petition_timeline_petition_idx" ON "${schema}"."petition_timeline"  ("petition_id", "at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."petition_timeline_petition_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."petition_timeline"`);
    await queryRunner.query(`DROP TABLE "${schema}"."petition_status"`);
  }
}
