import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own schema: its tables, its migrations table, its outbox and inbox. */
  schema: string;
  applicationName: string;
  poolSize: number;
  // TypeORM's own option types: entities are classes, migrations are classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** One DataSource per service, confined to the service's schema. Never `synchronize`: migrations only. */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: options.poolSize, connectionTimeoutMillis: 10000 },
  });
}

/**
 * Creates the schema if needed and runs pending migrations. Replicas starting together take turns through a
 * PostgreSQL advisory lock, so a migration never runs twice.
 */
export async function runServiceMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** SQL the entities would need beyond what the migrations created: empty when they agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

/** The schema a migration runs in: the DataSource's, so DATABASE_SCHEMA can move a service. */
export function migrationSchema(queryRunner: { connection: { options: object } }): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('migrations need a DataSource with a schema');
  return schema;
}
