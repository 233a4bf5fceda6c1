import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { PetitionEntity } from './petition.entity';

@Injectable()
export class PetitionRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  findByChannelMessage(channel: string, channelMessageId: string): Promise<PetitionEntity | null> {
    return this.unitOfWork.reader().findOne(PetitionEntity, { where: { channel, channelMessageId } });
  }

  /** Inserts unless the channel message is already stored; true when this call stored it. */
  async insertIfNew(petition: PetitionEntity): Promise<boolean> {
    const result = await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(PetitionEntity)
      .values(petition)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
