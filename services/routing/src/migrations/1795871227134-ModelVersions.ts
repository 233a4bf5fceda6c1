import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class ModelVersions1795871227134 implements MigrationInterface {
  name = 'ModelVersions1795871227134';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."model_versions" ("model_version" text NOT NULL, "content" text NOT NULL, "trained_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" text NOT NULL, "active" boolean NOT NULL, "evaluation" jsonb, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3dac7759df31c5a90c7ae456d87" PRIMARY KEY ("model_version"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "model_versions_one_active" ON "${schema}"."model_versions"  ("active") WHERE active`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."triage_items" ADD "model_version" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."triage_items" DROP COLUMN "model_version"`);
    await queryRunner.query(`DROP INDEX "${schema}"."model_versions_one_active"`);
    await queryRunner.query(`DROP TABLE "${schema}"."model_versions"`);
  }
}
