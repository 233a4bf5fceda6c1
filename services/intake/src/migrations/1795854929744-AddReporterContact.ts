import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class AddReporterContact1795854929744 implements MigrationInterface {
  name = 'AddReporterContact1795854929744';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "reporter_name" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "reporter_phone" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "reporter_id_number" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "reporter_handle" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "reporter_handle"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "reporter_id_number"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "reporter_phone"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "reporter_name"`);
  }
}
