import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@petitions/platform';

export class DeadlineLadder1795866953053 implements MigrationInterface {
  name = 'DeadlineLadder1795866953053';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."clocks_due_running_idx"`);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."clock_steps" ("clock_id" uuid NOT NULL, "step_id" text NOT NULL, "outcome" text NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE, "reached_at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_id" uuid, CONSTRAINT "PK_0661674e40d08c51b3b2674cd65" PRIMARY KEY ("clock_id", "step_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."acknowledgements" ("petition_id" uuid NOT NULL, "department_code" text NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6dbf0ca49bbd30702dbc271b360" PRIMARY KEY ("petition_id", "department_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."holdings" ("id" uuid NOT NULL, "clock_id" uuid NOT NULL, "petition_id" uuid NOT NULL, "department_code" text NOT NULL, "held_from" TIMESTAMP WITH TIME ZONE NOT NULL, "held_until" TIMESTAMP WITH TIME ZONE, "consumed_at_start_ms" bigint NOT NULL, "counted_ms" bigint, "ended_by" text, CONSTRAINT "PK_df4e42f95014be15a4ccc8547c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "holdings_clock_idx" ON "${schema}"."holdings"  ("clock_id", "held_from") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."pauses" ("id" uuid NOT NULL, "clock_id" uuid NOT NULL, "reason" text NOT NULL, "comment" text, "department_code" text NOT NULL, "paused_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_43fc643818a519ae52f57253c98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "pauses_clock_idx" ON "${schema}"."pauses"  ("clock_id") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."extensions" ("id" uuid NOT NULL, "clock_id" uuid NOT NULL, "department_code" text NOT NULL, "days" integer NOT NULL, "reason" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" text NOT NULL, "decided_by" text, "decided_at" TIMESTAMP WITH TIME ZONE, "allow_another" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_3632b8148c8f511650d3f3eda06" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "extensions_clock_idx" ON "${schema}"."extensions"  ("clock_id") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."parked_reopens" ("petition_id" uuid NOT NULL, "round" integer NOT NULL, "department_code" text NOT NULL, "reopened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "correlation_id" uuid NOT NULL, "cause_event_id" uuid NOT NULL, CONSTRAINT "PK_5768f258fcfdbae45ef54f09464" PRIMARY KEY ("petition_id", "round"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."time_offset" ("id" smallint NOT NULL, "offset_ms" bigint NOT NULL, CONSTRAINT "PK_497b4cc7c0b3e42a0e814bf01b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."timers" ("id" uuid NOT NULL, "owner_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d13ea0d2fe75274ca5a9576aae6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "timers_owner_pending_key" ON "${schema}"."timers"  ("owner_id") WHERE state = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "timers_due_idx" ON "${schema}"."timers"  ("due_at", "id") WHERE state = 'pending'`,
    );
    // Clocks armed before this migration (the walking skeleton's) get values first, then lose the defaults.
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "round" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ALTER COLUMN "round" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "town" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "rule" text NOT NULL DEFAULT 'initial'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "budget_ms" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "consumed_ms" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "running_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "${schema}"."clocks" SET budget_ms = (extract(epoch FROM due_at - started_at) * 1000)::bigint,
              running_since = CASE WHEN state = 'stopped' THEN NULL ELSE started_at END,
              consumed_ms = CASE WHEN state = 'stopped'
                              THEN (extract(epoch FROM stopped_at - started_at) * 1000)::bigint ELSE 0 END`,
    );
    // A breached skeleton clock has fired its only step (general@1 / complex@1: breach) and runs on until resolved.
    await queryRunner.query(
      `INSERT INTO "${schema}"."clock_steps" (clock_id, step_id, outcome, scheduled_at, reached_at)
         SELECT id, 'breach', 'fired', due_at, breached_at FROM "${schema}"."clocks" WHERE breached_at IS NOT NULL`,
    );
    await queryRunner.query(`UPDATE "${schema}"."clocks" SET state = 'running' WHERE state = 'breached'`);
    await queryRunner.query(
      `INSERT INTO "${schema}"."timers" (id, owner_id, due_at, state)
         SELECT gen_random_uuid(), id, due_at, 'pending' FROM "${schema}"."clocks"
          WHERE state = 'running' AND breached_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ALTER COLUMN "budget_ms" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ALTER COLUMN "consumed_ms" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ADD "extensions_allowed" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" ALTER COLUMN "id" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" DROP CONSTRAINT "PK_6d8fedfdf5ce3bc25dc8be70191"`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."resolutions" ADD CONSTRAINT "PK_e8961cd59d18081f1a93ebd1cc5" PRIMARY KEY ("petition_id", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" ADD "clock_id" uuid`);
    await queryRunner.query(
      `UPDATE "${schema}"."resolutions" r SET clock_id = c.id FROM "${schema}"."clocks" c
        WHERE c.petition_id = r.petition_id AND c.state = 'stopped'`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP CONSTRAINT "UQ_53e1400be6aac1fa18fe7a19246"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ALTER COLUMN "due_at" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" DROP CONSTRAINT "PK_e8961cd59d18081f1a93ebd1cc5"`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."resolutions" ADD CONSTRAINT "PK_e30e6dd3e4cc52a23555b4b1a4a" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "clocks_petition_round_key" ON "${schema}"."clocks"  ("petition_id", "round") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."clocks_petition_round_key"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" DROP CONSTRAINT "PK_e30e6dd3e4cc52a23555b4b1a4a"`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."resolutions" ADD CONSTRAINT "PK_e8961cd59d18081f1a93ebd1cc5" PRIMARY KEY ("petition_id", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" ALTER COLUMN "due_at" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."clocks" ADD CONSTRAINT "UQ_53e1400be6aac1fa18fe7a19246" UNIQUE ("petition_id")`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" DROP COLUMN "clock_id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" DROP CONSTRAINT "PK_e8961cd59d18081f1a93ebd1cc5"`);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."resolutions" ADD CONSTRAINT "PK_6d8fedfdf5ce3bc25dc8be70191" PRIMARY KEY ("petition_id")`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."resolutions" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "extensions_allowed"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "running_since"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "consumed_ms"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "budget_ms"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "rule"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "town"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."clocks" DROP COLUMN "round"`);
    await queryRunner.query(`DROP INDEX "${schema}"."timers_due_idx"`);
    await queryRunner.query(`DROP INDEX "${schema}"."timers_owner_pending_key"`);
    await queryRunner.query(`DROP TABLE "${schema}"."timers"`);
    await queryRunner.query(`DROP TABLE "${schema}"."time_offset"`);
    await queryRunner.query(`DROP TABLE "${schema}"."parked_reopens"`);
    await queryRunner.query(`DROP INDEX "${schema}"."extensions_clock_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."extensions"`);
    await queryRunner.query(`DROP INDEX "${schema}"."pauses_clock_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."pauses"`);
    await queryRunner.query(`DROP INDEX "${schema}"."holdings_clock_idx"`);
    await queryRunner.query(`DROP TABLE "${schema}"."holdings"`);
    await queryRunner.query(`DROP TABLE "${schema}"."acknowledgements"`);
    await queryRunner.query(`DROP TABLE "${schema}"."clock_steps"`);
    await queryRunner.query(
      `CREATE INDEX "clocks_due_running_idx" ON "${schema}"."clocks" USING btree ("due_at") WHERE (state = 'running'::text)`,
    );
  }
}
