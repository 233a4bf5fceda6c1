import { InboxMessageEntity, OutboxMessageEntity } from '@petitions/messaging';
import { createServiceDataSource, runServiceMigrations } from '@petitions/platform';
import type { DataSource } from 'typeorm';
import { intakeMigrations } from '../migrations';
import { PetitionEntity } from '../petitions/petition.entity';

/** Integration tests: intake's tables (migrated) in a schema of the test's own; drop it with `dropIntakeSchema`. */
export async function openIntakeSchema(options: {
  url: string;
  schema: string;
  applicationName: string;
  poolSize: number;
}): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    ...options,
    entities: [PetitionEntity, OutboxMessageEntity, InboxMessageEntity],
    migrations: intakeMigrations,
  });
  await dataSource.initialize();
  await runServiceMigrations(dataSource, options.schema);
  return dataSource;
}

export async function dropIntakeSchema(dataSource: DataSource | undefined, schema: string): Promise<void> {
  await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource?.destroy();
}
