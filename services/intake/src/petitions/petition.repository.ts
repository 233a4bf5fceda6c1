import { Injectable } from '@nestjs/common';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import type { EntityManager } from 'typeorm';
import { PetitionEntity } from './petition.entity';

interface InsertStatement {
  readonly sql: string;
  readonly read: (petition: PetitionEntity) => unknown[];
}

@Injectable()
export class PetitionRepository {
  private insert: InsertStatement | undefined;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  findByChannelMessage(channel: string, channelMessageId: string): Promise<PetitionEntity | null> {
    return this.unitOfWork.reader().findOne(PetitionEntity, { where: { channel, channelMessageId } });
  }

  /** Inserts unless the channel message is already stored; true when this call stored it. */
  async insertIfNew(petition: PetitionEntity): Promise<boolean> {
    const manager = this.unitOfWork.transactional();
    const statement = (this.insert ??= insertStatement(manager));
    const rows = await manager.query<unknown[]>(statement.sql, statement.read(petition));
    return rows.length === 1;
  }
}

/**
 * `INSERT … ON CONFLICT DO NOTHING RETURNING id` over every column of the entity, built once from TypeORM's metadata
 * (so a column added to the entity is inserted too). TypeORM's query builder rebuilt this statement on every request,
 * at more CPU than the insert itself (docs/benchmarks.md).
 */
function insertStatement(manager: EntityManager): InsertStatement {
  const columns = manager.connection.getMetadata(PetitionEntity).columns;
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
  return {
    sql:
      `INSERT INTO ${qualifiedTable(manager, PetitionEntity)} (${names}) VALUES (${placeholders}) ` +
      'ON CONFLICT DO NOTHING RETURNING "id"',
    read: (petition) => columns.map((column) => (column.getEntityValue(petition) as unknown) ?? null),
  };
}
