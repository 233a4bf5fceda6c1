/**
 * Writes a TypeORM migration for the difference between a service's entities and its existing migrations:
 *   npm run build && node dist/scripts/generate-migration.js <service> <MigrationName>
 * It runs the existing migrations in a scratch schema, asks TypeORM for the SQL still needed, and writes
 * services/<service>/src/migrations/<timestamp>-<MigrationName>.ts. The schema name is written as a parameter so
 * that DATABASE_SCHEMA can place a service elsewhere. Review the file, then add it to the service's migrations list
 * (services/<service>/src/migrations/index.ts). Never edit a migration once it has landed: generate a new one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InboxMessageEntity, OutboxMessageEntity } from '@petitions/messaging';
import { format, resolveConfig } from 'prettier';
import { createServiceDataSource, runServiceMigrations } from '@petitions/platform';
import { serviceNamed } from './services';

async function main(): Promise<void> {
  const [serviceName, migrationName] = process.argv.slice(2);
  if (!serviceName || !migrationName || !/^[A-Z][A-Za-z0-9]*$/.test(migrationName)) {
    throw new Error('usage: generate-migration <service> <PascalCaseName>');
  }
  const service = serviceNamed(serviceName);
  const scratch = `codegen_${service.schema}_${Date.now()}`;
  const dataSource = createServiceDataSource({
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    schema: scratch,
    applicationName: 'generate-migration',
    poolSize: 2,
    entities: [...service.entities, OutboxMessageEntity, InboxMessageEntity],
    migrations: [...service.migrations],
  });
  await dataSource.initialize();
  try {
    await runServiceMigrations(dataSource, scratch);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write('entities and migrations agree: nothing to generate\n');
      return;
    }
    const timestamp = Date.now();
    const render = (queries: typeof sql.upQueries): string =>
      queries
        .map(
          (q) =>
            `    await queryRunner.query(\`${q.query.replaceAll(`"${scratch}".`, '"${schema}".').replaceAll('`', '\\`')}\`);`,
        )
        .join('\n');
    const className = `${migrationName}${timestamp}`;
    // Assembled so that tsc-alias, which rewrites alias strings in the built script, leaves it alone.
    const platformImport = ['@petitions', 'platform'].join('/');
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '${platformImport}';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
${render([...sql.downQueries].reverse())}
  }
}
`;
    const path = join('services', service.name, 'src', 'migrations', `${timestamp}-${migrationName}.ts`);
    writeFileSync(path, await format(file, { ...(await resolveConfig(path)), filepath: path }));
    process.stdout.write(`wrote ${path} (${sql.upQueries.length} statements)\n`);
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`);
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
