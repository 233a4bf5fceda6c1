import { Injectable } from '@nestjs/common';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import { TimeOffsetEntity } from './time-offset.entity';

/**
 * The time deadline tracking works by: PostgreSQL's `now()` (the transaction's start, the same for every replica
 * whatever their own clocks say) plus the test offset. Read inside the transaction that acts on it.
 */
@Injectable()
export class DatabaseTime {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async now(): Promise<Date> {
    const manager = this.unitOfWork.reader();
    const offsets = qualifiedTable(manager, TimeOffsetEntity);
    const rows: { now: Date }[] = await manager.query(
      `SELECT now() + make_interval(secs => coalesce((SELECT offset_ms FROM ${offsets} WHERE id = 1), 0) / 1000.0)
         AS now`,
    );
    const now = rows[0]?.now;
    if (!now) throw new Error('the database did not say what time it is');
    return now;
  }

  async offsetMs(): Promise<number> {
    const row = await this.unitOfWork.reader().findOne(TimeOffsetEntity, { where: { id: 1 } });
    return row?.offsetMs ?? 0;
  }

  /** Test time only: moves every replica's notion of now. */
  async setOffsetMs(offsetMs: number): Promise<void> {
    await this.unitOfWork.run(() =>
      this.unitOfWork.transactional().upsert(TimeOffsetEntity, { id: 1, offsetMs }, ['id']),
    );
  }
}
