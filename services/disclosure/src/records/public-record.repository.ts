import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@petitions/platform';
import { PublicRecordEntity } from './public-record.entity';

export interface ChainHead {
  sequence: bigint;
  hash: string | null;
}

@Injectable()
export class PublicRecordRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Locks the chain for the rest of the transaction and returns its head. */
  async lockHead(): Promise<ChainHead> {
    await lockForTransaction(this.unitOfWork, 'disclosure:chain');
    const last = await this.unitOfWork
      .transactional()
      .find(PublicRecordEntity, { order: { sequence: 'DESC' }, take: 1 });
    const head = last[0];
    return head ? { sequence: BigInt(head.sequence), hash: head.hash } : { sequence: 0n, hash: null };
  }

  findByPetition(petitionId: string): Promise<PublicRecordEntity | null> {
    return this.unitOfWork.reader().findOne(PublicRecordEntity, { where: { petitionId } });
  }

  async insert(record: PublicRecordEntity): Promise<void> {
    await this.unitOfWork.transactional().insert(PublicRecordEntity, record);
  }

  latest(limit: number): Promise<PublicRecordEntity[]> {
    return this.unitOfWork.reader().find(PublicRecordEntity, { order: { sequence: 'DESC' }, take: limit });
  }
}
