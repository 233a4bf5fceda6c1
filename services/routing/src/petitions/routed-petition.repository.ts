import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import type { PetitionFacts } from '../decisions/work-orders';
import { RoutedPetitionEntity } from './routed-petition.entity';

/** A stored petition as the facts the pure decisions take. */
export function factsOf(petition: RoutedPetitionEntity): PetitionFacts {
  return {
    petitionId: petition.petitionId,
    channel: petition.channel,
    text: petition.text,
    ...(petition.town ? { town: petition.town } : {}),
    ...(petition.unit ? { unit: petition.unit } : {}),
    ...(petition.grid ? { grid: petition.grid } : {}),
    ...(petition.address ? { address: petition.address } : {}),
    ...(petition.latitude !== null ? { latitude: petition.latitude } : {}),
    ...(petition.longitude !== null ? { longitude: petition.longitude } : {}),
    receivedAt: petition.receivedAt,
  };
}

@Injectable()
export class RoutedPetitionRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** True when stored; false when routing already had the petition (nothing changes). */
  async insertIfNew(petition: RoutedPetitionEntity): Promise<boolean> {
    const result = await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(RoutedPetitionEntity)
      .values(petition)
      .orIgnore()
      .returning(['petitionId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  find(petitionId: string): Promise<RoutedPetitionEntity | null> {
    return this.unitOfWork.reader().findOne(RoutedPetitionEntity, { where: { petitionId } });
  }
}
