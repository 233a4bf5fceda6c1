import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class AddSameMatterGroups1795866225502 implements MigrationInterface {
  name = 'AddSameMatterGroups1795866225502';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."petition_groups" ("id" uuid NOT NULL, "scope" text NOT NULL, "category" text NOT NULL, "unit" text, "town" text, "lead_petition_id" uuid NOT NULL, "member_count" integer NOT NULL, "first_received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "merged_into_group_id" uuid, CONSTRAINT "PK_1765b127ac38cabb9a85ddf20a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "petition_groups_matter_idx" ON "${schema}"."petition_groups"  ("scope", "category", "last_received_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."matter_petitions" ("petition_id" uuid NOT NULL, "scope" text NOT NULL, "category" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "group_id" uuid, "ordinal" integer, "similarity" double precision, "joined_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2ce47ca2851d819aa7a6ffd6497" PRIMARY KEY ("petition_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "matter_petitions_group_idx" ON "${schema}"."matter_petitions"  ("group_id", "ordinal") `,
    );
    await queryRunner.query(
      `CREATE INDEX "matter_petitions_candidates_idx" ON "${schema}"."matter_petitions"  ("scope", "category", "received_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."group_splits" ("group_id" uuid NOT NULL, "petition_id" uuid NOT NULL, "reason" text NOT NULL, "operator_id" text NOT NULL, "split_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_aee8f167d61524c8584904e425c" PRIMARY KEY ("group_id", "petition_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."group_splits"`);
    await queryRunner.query(`DROP INDEX "${schema}"."matter_petitions_candidates_idx"`);
    await queryRunner.query(`DROP INDEX "${schema}"."matter_petitions_group_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."matter_petitions"`);
    await queryRunner.query(`DROP INDEX "${schema}"."petition_groups_matter_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."petition_groups"`);
  }
}
