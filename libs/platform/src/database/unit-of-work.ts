import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * One PostgreSQL transaction around a piece of work. Repositories, the inbox and the outbox take the current
 * transaction's EntityManager from here, so that a state change and the events it emits commit together.
 */
export class UnitOfWork {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction, or inside the caller's transaction when there already is one. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    return this.dataSource.transaction((manager) => this.storage.run(manager, work));
  }

  /** The current transaction's manager; throws outside `run`, where a write would not be atomic. */
  transactional(): EntityManager {
    const manager = this.storage.getStore();
    if (!manager) throw new Error('no transaction in progress: wrap the work in UnitOfWork.run()');
    return manager;
  }

  /** The current transaction's manager, or the pool's for reads outside any transaction. */
  reader(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }

  inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }
}

/** `"schema"."table"` of an entity, for the few statements written in SQL (SKIP LOCKED claims and the like). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function qualifiedTable(manager: EntityManager, entity: Function): string {
  const metadata = manager.connection.getMetadata(entity);
  return metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
}
