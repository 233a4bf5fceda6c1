import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class AddPetitionLocationAndCategory1795864176895 implements MigrationInterface {
  name = 'AddPetitionLocationAndCategory1795864176895';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "address" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "latitude" double precision`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "longitude" double precision`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" ADD "channel_category" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "channel_category"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "longitude"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "latitude"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."petitions" DROP COLUMN "address"`);
  }
}
