import { Injectable } from '@nestjs/common';
import { newEventId } from '@petitions/contracts';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import { TimerEntity } from './timer.entity';

export interface DueTimer {
  id: string;
  ownerId: string;
  dueAt: Date;
}

/** The timers table: create, reschedule, cancel, and the SKIP LOCKED claim. Always inside the caller's transaction. */
@Injectable()
export class TimerRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private table(): string {
    return qualifiedTable(this.unitOfWork.transactional(), TimerEntity);
  }

  /** Creates the owner's pending timer, or moves it to `dueAt` if it has one (reschedule). */
  async schedule(ownerId: string, dueAt: Date): Promise<void> {
    await this.unitOfWork.transactional().query(
      `INSERT INTO ${this.table()} (id, owner_id, due_at, state) VALUES ($1, $2, $3, 'pending')
         ON CONFLICT (owner_id) WHERE state = 'pending' DO UPDATE SET due_at = EXCLUDED.due_at`,
      [newEventId(), ownerId, dueAt],
    );
  }

  async cancel(ownerId: string): Promise<void> {
    await this.unitOfWork
      .transactional()
      .query(`UPDATE ${this.table()} SET state = 'cancelled' WHERE owner_id = $1 AND state = 'pending'`, [ownerId]);
  }

  /**
   * Locks up to `limit` timers due at `now` (database time), earliest first. SKIP LOCKED: a timer another replica
   * is firing is passed over, and its lock lasts exactly as long as that replica's transaction.
   */
  claimDue(now: Date, limit: number): Promise<DueTimer[]> {
    return this.unitOfWork.transactional().query(
      `SELECT id, owner_id AS "ownerId", due_at AS "dueAt" FROM ${this.table()}
        WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async markFired(ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.unitOfWork
      .transactional()
      .query(`UPDATE ${this.table()} SET state = 'fired', fired_at = $2 WHERE id = ANY($1::uuid[])`, [ids, now]);
  }
}
