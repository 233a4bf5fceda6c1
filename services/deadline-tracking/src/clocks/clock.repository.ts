import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { AcknowledgementEntity, ClockEntity, ClockStepEntity, ResolutionEntity } from './clock.entity';

/** Clocks, their steps, and the departments' acknowledgements and resolutions. */
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

  /** The petition's latest clock (highest round), locked until commit so commands and firings take turns. */
  latestForUpdate(petitionId: string): Promise<ClockEntity | null> {
    return this.unitOfWork
      .transactional()
      .createQueryBuilder(ClockEntity, 'clock')
      .where('clock.petitionId = :petitionId', { petitionId })
      .orderBy('clock.round', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Every clock of a petition, oldest round first (reads). */
  allOfPetition(petitionId: string): Promise<ClockEntity[]> {
    return this.unitOfWork.reader().find(ClockEntity, { where: { petitionId }, order: { round: 'ASC' } });
  }

  /** Locks the clocks nobody else holds right now; a clock a command is changing is left for the next scan. */
  lockFree(ids: readonly string[]): Promise<ClockEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.unitOfWork
      .transactional()
      .createQueryBuilder(ClockEntity, 'clock')
      .where('clock.id IN (:...ids)', { ids })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async save(clock: ClockEntity): Promise<void> {
    await this.unitOfWork.transactional().save(ClockEntity, clock);
  }

  async doneStepIds(clockId: string): Promise<Set<string>> {
    const rows = await this.unitOfWork
      .transactional()
      .find(ClockStepEntity, { where: { clockId }, select: { stepId: true } });
    return new Set(rows.map((row) => row.stepId));
  }

  stepsOf(clockId: string): Promise<ClockStepEntity[]> {
    return this.unitOfWork.reader().find(ClockStepEntity, { where: { clockId }, order: { reachedAt: 'ASC' } });
  }

  /** Plain insert: a step recorded twice for one clock violates the primary key and rolls the firing back. */
  async recordSteps(steps: readonly ClockStepEntity[]): Promise<void> {
    if (steps.length === 0) return;
    await this.unitOfWork.transactional().insert(ClockStepEntity, [...steps]);
  }

  async recordAcknowledgement(acknowledgement: AcknowledgementEntity): Promise<void> {
    await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(AcknowledgementEntity)
      .values(acknowledgement)
      .orIgnore()
      .execute();
  }

  async acknowledgedAt(petitionId: string, departmentCode: string): Promise<Date | null> {
    const row = await this.unitOfWork
      .transactional()
      .findOne(AcknowledgementEntity, { where: { petitionId, departmentCode } });
    return row?.acknowledgedAt ?? null;
  }

  async recordResolution(resolution: ResolutionEntity): Promise<void> {
    await this.unitOfWork.transactional().insert(ResolutionEntity, resolution);
  }

  /** A resolution that came before its clock, waiting to stop it. */
  parkedResolution(petitionId: string): Promise<ResolutionEntity | null> {
    return this.unitOfWork
      .transactional()
      .createQueryBuilder(ResolutionEntity, 'r')
      .where('r.petitionId = :petitionId AND r.clockId IS NULL', { petitionId })
      .orderBy('r.resolvedAt', 'ASC')
      .getOne();
  }

  async attachResolution(resolutionId: string, clockId: string): Promise<void> {
    await this.unitOfWork.transactional().update(ResolutionEntity, { id: resolutionId }, { clockId });
  }
}
