import { InboxMessageEntity, OutboxMessageEntity } from '@petitions/messaging';
import { createServiceDataSource, pendingSchemaChanges, runServiceMigrations } from '@petitions/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SERVICES } from '../../scripts/services';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

@Entity({ name: 'not_in_any_migration' })
class UnmigratedEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') note!: string;
}

async function changesNeeded(
  service: (typeof SERVICES)[number],
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  extraEntities: Function[] = [],
): Promise<{ changes: string[]; applied: string[] }> {
  const schema = `it_mig_${service.schema}_${Date.now()}`;
  const dataSource = createServiceDataSource({
    url: DATABASE_URL,
    schema,
    applicationName: 'it-migrations',
    poolSize: 2,
    entities: [...service.entities, OutboxMessageEntity, InboxMessageEntity, ...extraEntities],
    migrations: [...service.migrations],
  });
  await dataSource.initialize();
  try {
    const applied = await runServiceMigrations(dataSource, schema);
    return { changes: await pendingSchemaChanges(dataSource), applied };
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
  }
}

describe('each service’s migrations', () => {
  it.each(SERVICES.map((service) => [service.name, service] as const))(
    '%s: the migrations build exactly what the entities describe',
    async (_name, service) => {
      const { changes, applied } = await changesNeeded(service);
      expect(applied.length).toBeGreaterThan(0);
      expect(changes).toEqual([]);
    },
  );

  it('the check notices an entity that no migration creates', async () => {
    const service = SERVICES[0];
    if (!service) throw new Error('no services');
    const { changes } = await changesNeeded(service, [UnmigratedEntity]);
    expect(changes.join('\n')).toMatch(/CREATE TABLE .*not_in_any_migration/);
  });
});
