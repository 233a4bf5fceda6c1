import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { HistoryEventEntity, PetitionFileEntity } from './history.entity';

@Injectable()
export class HistoryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async append(event: HistoryEventEntity): Promise<void> {
    await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(HistoryEventEntity)
      .values(event)
      .orIgnore()
      .execute();
  }

  timeline(petitionId: string): Promise<HistoryEventEntity[]> {
    return this.unitOfWork
      .reader()
      .find(HistoryEventEntity, { where: { petitionId }, order: { occurredAt: 'ASC', eventId: 'ASC' } });
  }

  /** The petition's file, created empty when this is the first event seen about it. */
  async file(petitionId: string): Promise<PetitionFileEntity> {
    const manager = this.unitOfWork.transactional();
    await manager.createQueryBuilder().insert().into(PetitionFileEntity).values({ petitionId }).orIgnore().execute();
    return manager.findOneOrFail(PetitionFileEntity, { where: { petitionId } });
  }

  async saveFile(file: PetitionFileEntity): Promise<void> {
    await this.unitOfWork.transactional().save(PetitionFileEntity, file);
  }
}
