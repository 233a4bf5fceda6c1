import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { RoutedPetitionEntity } from '../petitions/routed-petition.entity';
import { TriageItemEntity } from './triage-item.entity';

@Injectable()
export class TriageRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async insert(item: TriageItemEntity): Promise<void> {
    await this.unitOfWork.transactional().insert(TriageItemEntity, item);
  }

  find(petitionId: string): Promise<TriageItemEntity | null> {
    return this.unitOfWork.reader().findOne(TriageItemEntity, { where: { petitionId } });
  }

  async save(item: TriageItemEntity): Promise<void> {
    await this.unitOfWork.transactional().save(TriageItemEntity, item);
  }

  /** The queue, oldest first, each with its petition. */
  async queued(limit: number): Promise<{ item: TriageItemEntity; petition: RoutedPetitionEntity }[]> {
    const reader = this.unitOfWork.reader();
    const items = await reader.find(TriageItemEntity, {
      where: { status: 'queued' },
      order: { queuedAt: 'ASC' },
      take: limit,
    });
    const petitions = await reader.findBy(
      RoutedPetitionEntity,
      items.map((item) => ({ petitionId: item.petitionId })),
    );
    return items.flatMap((item) => {
      const petition = petitions.find((candidate) => candidate.petitionId === item.petitionId);
      return petition ? [{ item, petition }] : [];
    });
  }
}
