import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { ExtensionEntity, HoldingEntity, ParkedReopenEntity, PauseEntity } from './clock-life.entity';

/** What happens to a clock during its life: holdings (transfers), pauses, extensions, reopenings waiting. */
@Injectable()
export class ClockLifeRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async openHolding(holding: HoldingEntity): Promise<void> {
    await this.unitOfWork.transactional().insert(HoldingEntity, holding);
  }

  openHoldingOf(clockId: string): Promise<HoldingEntity | null> {
    return this.unitOfWork
      .transactional()
      .createQueryBuilder(HoldingEntity, 'h')
      .where('h.clockId = :clockId AND h.heldUntil IS NULL', { clockId })
      .getOne();
  }

  async saveHolding(holding: HoldingEntity): Promise<void> {
    await this.unitOfWork.transactional().save(HoldingEntity, holding);
  }

  holdingsOfPetition(petitionId: string): Promise<HoldingEntity[]> {
    return this.unitOfWork.reader().find(HoldingEntity, { where: { petitionId }, order: { heldFrom: 'ASC' } });
  }

  async savePause(pause: PauseEntity): Promise<void> {
    await this.unitOfWork.transactional().save(PauseEntity, pause);
  }

  openPauseOf(clockId: string): Promise<PauseEntity | null> {
    return this.unitOfWork
      .transactional()
      .createQueryBuilder(PauseEntity, 'p')
      .where('p.clockId = :clockId AND p.resumedAt IS NULL', { clockId })
      .getOne();
  }

  async saveExtension(extension: ExtensionEntity): Promise<void> {
    await this.unitOfWork.transactional().save(ExtensionEntity, extension);
  }

  extensionsOf(clockId: string): Promise<ExtensionEntity[]> {
    return this.unitOfWork.reader().find(ExtensionEntity, { where: { clockId }, order: { requestedAt: 'ASC' } });
  }

  async parkReopen(reopen: ParkedReopenEntity): Promise<void> {
    await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(ParkedReopenEntity)
      .values(reopen)
      .orIgnore()
      .execute();
  }

  parkedReopen(petitionId: string, round: number): Promise<ParkedReopenEntity | null> {
    return this.unitOfWork.transactional().findOne(ParkedReopenEntity, { where: { petitionId, round } });
  }

  async dropParkedReopen(petitionId: string, round: number): Promise<void> {
    await this.unitOfWork.transactional().delete(ParkedReopenEntity, { petitionId, round });
  }
}
