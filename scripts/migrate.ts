/**
 * Runs every service's pending migrations (or one service's): `npm run migrations:run [-- <service>]`.
 * For deployments that start services with MIGRATIONS_RUN=false and migrate as a separate step.
 */
import 'reflect-metadata';
import { InboxMessageEntity, OutboxMessageEntity } from '@petitions/messaging';
import { createServiceDataSource, loadConfig, runServiceMigrations } from '@petitions/platform';
import { schemaOf } from '@petitions/runtime';
import { SERVICES, serviceNamed } from './services';

async function migrate(name: string): Promise<void> {
  const service = serviceNamed(name);
  const config = loadConfig(service.configClass);
  const schema = schemaOf(service, config);
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    schema,
    applicationName: `migrate-${service.name}`,
    poolSize: 2,
    entities: [...service.entities, OutboxMessageEntity, InboxMessageEntity],
    migrations: [...service.migrations],
  });
  await dataSource.initialize();
  try {
    const applied = await runServiceMigrations(dataSource, schema);
    process.stdout.write(
      `${service.name} (schema ${schema}): ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : SERVICES.map((service) => service.name)) await migrate(name);
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
