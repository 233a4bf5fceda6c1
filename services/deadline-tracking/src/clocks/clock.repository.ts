import { Injectable } from '@nestjs/common';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import { ClockEntity, ResolutionEntity } from './clock.entity';

@Injectable()
export class ClockRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async insertIfNew(clock: ClockEntity): Promise<boolean> {
    const result = await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(ClockEntity)
      .values(clock)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  findByPetition(petitionId: string): Promise<ClockEntity | null> {
    return this.unitOfWork.reader().findOne(ClockEntity, { where: { petitionId } });
  }

  async save(clock: ClockEntity): Promise<void> {
    await this.unitOfWork.transactional().save(ClockEntity, clock);
  }

  async recordResolution(resolution: ResolutionEntity): Promise<void> {
    await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(ResolutionEntity)
      .values(resolution)
      .orIgnore()
      .execute();
  }

  findResolution(petitionId: string): Promise<ResolutionEntity | null> {
    return this.unitOfWork.reader().findOne(ResolutionEntity, { where: { petitionId } });
  }

  /**
   * Marks running clocks that are due (by the database's clock) as breached, claiming them with SKIP LOCKED so
   * that replicas never take the same one. Must run inside the transaction that also writes the events.
   */
  claimDue(limit: number): Promise<ClockEntity[]> {
    const manager = this.unitOfWork.transactional();
    const clocks = qualifiedTable(manager, ClockEntity);
    return manager
      .query(
        `UPDATE ${clocks} SET state = 'breached', breached_at = now()
          WHERE id IN (SELECT id FROM ${clocks} WHERE state = 'running' AND due_at <= now()
                        ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, petition_id AS "petitionId", department_code AS "departmentCode", due_at AS "dueAt",
                    breached_at AS "breachedAt", correlation_id AS "correlationId",
                    armed_event_id AS "armedEventId"`,
        [limit],
      )
      .then((result: [ClockEntity[], number]) => result[0]);
  }
}
