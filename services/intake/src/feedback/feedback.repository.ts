import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { PetitionEntity } from '../petitions/petition.entity';
import { PetitionFeedbackEntity } from './feedback.entity';

/** The petition an answer is about: what the answer's channel is checked against. */
export interface AnsweredPetition {
  id: string;
  trackingCode: string;
  channel: string;
}

/** An answer as recorded, with its petition. */
export interface RecordedFeedback {
  petitionId: string;
  trackingCode: string;
  satisfied: boolean;
}

@Injectable()
export class FeedbackRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  petitionWithTrackingCode(trackingCode: string): Promise<AnsweredPetition | null> {
    return this.unitOfWork.reader().findOne(PetitionEntity, {
      select: { id: true, trackingCode: true, channel: true },
      where: { trackingCode },
    });
  }

  async answerToMessage(channel: string, channelMessageId: string): Promise<RecordedFeedback | null> {
    const row = await this.unitOfWork
      .reader()
      .createQueryBuilder(PetitionFeedbackEntity, 'f')
      .innerJoin(PetitionEntity, 'p', 'p.id = f.petition_id')
      .select(['f.petition_id AS "petitionId"', 'p.tracking_code AS "trackingCode"', 'f.satisfied AS satisfied'])
      .where('f.channel = :channel AND f.channel_message_id = :channelMessageId', { channel, channelMessageId })
      .getRawOne<RecordedFeedback>();
    return row ?? null;
  }

  async answerToResolution(petitionId: string, resolvedAt: Date): Promise<Pick<RecordedFeedback, 'satisfied'> | null> {
    const row = await this.unitOfWork
      .reader()
      .findOne(PetitionFeedbackEntity, { select: { satisfied: true }, where: { petitionId, resolvedAt } });
    return row ? { satisfied: row.satisfied } : null;
  }

  async insert(feedback: PetitionFeedbackEntity): Promise<void> {
    await this.unitOfWork.transactional().insert(PetitionFeedbackEntity, feedback);
  }
}
