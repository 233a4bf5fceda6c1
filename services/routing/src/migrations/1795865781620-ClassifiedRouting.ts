import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class ClassifiedRouting1795865781620 implements MigrationInterface {
  name = 'ClassifiedRouting1795865781620';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."district_versions" ("version" text NOT NULL, "sha256" text NOT NULL, "content" text NOT NULL, "source" text NOT NULL, "active" boolean NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "activated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2a376d0df6f3b1e570408cc3ee5" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "district_versions_one_active" ON "${schema}"."district_versions"  ("active") WHERE active`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."training_labels" ("petition_id" uuid NOT NULL, "source" text NOT NULL, "channel" text NOT NULL, "text" text NOT NULL, "town" text, "unit" text, "department_code" text NOT NULL, "co_departments" text array NOT NULL, "complexity" text NOT NULL, "urgent" boolean NOT NULL, "category" text NOT NULL, "labelled_by" text NOT NULL, "labelled_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6c98dd68537527c99e1dad55987" PRIMARY KEY ("petition_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."petitions" ("petition_id" uuid NOT NULL, "channel" text NOT NULL, "text" text NOT NULL, "town" text, "unit" text, "grid" text, "location_source" text NOT NULL, "address" text, "latitude" double precision, "longitude" double precision, "channel_category" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_event_id" uuid NOT NULL, "correlation_id" uuid NOT NULL, CONSTRAINT "PK_32ffdd424b2939dab155ab11bd2" PRIMARY KEY ("petition_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."triage_items" ("petition_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "suggested_department" text NOT NULL, "confidence" double precision NOT NULL, "suggestion" jsonb NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "queued_event_id" uuid NOT NULL, "decided_by" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_department" text, CONSTRAINT "PK_3f1f754ce77f5a7db187943756b" PRIMARY KEY ("petition_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "triage_items_queued" ON "${schema}"."triage_items"  ("queued_at") WHERE status = 'queued'`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."work_orders" ("petition_id" uuid NOT NULL, "department_code" text NOT NULL, "role" text NOT NULL, "status" text NOT NULL, "order" jsonb NOT NULL, "issued_event_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledge_by" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9f5f2c83bc9b573a65d9baa506e" PRIMARY KEY ("petition_id", "department_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_orders_by_department" ON "${schema}"."work_orders"  ("department_code", "issued_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "work_orders_awaiting_acknowledgement" ON "${schema}"."work_orders"  ("acknowledge_by") WHERE status = 'issued' AND escalated_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "confidence" double precision`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "decided_by" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "needs_review" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "handling_town" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "on_duty" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "district_version" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "model_version" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "first_department" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "held_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "chain" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "returned_by" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" ADD "coordinated_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "coordinated_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "returned_by"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "chain"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "held_since"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "first_department"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "model_version"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "district_version"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "on_duty"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "handling_town"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "needs_review"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "decided_by"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."assignments" DROP COLUMN "confidence"`);
    await queryRunner.query(`DROP INDEX "${schema}"."work_orders_awaiting_acknowledgement"`);
    await queryRunner.query(`DROP INDEX "${schema}"."work_orders_by_department"`);
    await queryRunner.query(`DROP TABLE "${schema}"."work_orders"`);
    await queryRunner.query(`DROP INDEX "${schema}"."triage_items_queued"`);
    await queryRunner.query(`DROP TABLE "${schema}"."triage_items"`);
    await queryRunner.query(`DROP TABLE "${schema}"."petitions"`);
    await queryRunner.query(`DROP TABLE "${schema}"."training_labels"`);
    await queryRunner.query(`DROP INDEX "${schema}"."district_versions_one_active"`);
    await queryRunner.query(`DROP TABLE "${schema}"."district_versions"`);
  }
}
