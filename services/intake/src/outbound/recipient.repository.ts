import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { In } from 'typeorm';
import { PetitionEntity } from '../petitions/petition.entity';

/** A petition's channel and the sealed parts of its reporter's contact that a reply can be addressed to. */
export interface SealedRecipient {
  id: string;
  trackingCode: string;
  channel: string;
  channelMessageId: string;
  reporterHandle: string | null;
  reporterPhone: string | null;
}

/** Reads what replies are addressed with; never the reporter's name or ID number. */
@Injectable()
export class RecipientRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  sealedRecipients(petitionIds: readonly string[]): Promise<SealedRecipient[]> {
    return this.unitOfWork.reader().find(PetitionEntity, {
      select: {
        id: true,
        trackingCode: true,
        channel: true,
        channelMessageId: true,
        reporterHandle: true,
        reporterPhone: true,
      },
      where: { id: In([...petitionIds]) },
      order: { id: 'ASC' },
    });
  }
}
