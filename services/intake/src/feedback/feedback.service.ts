import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, UnitOfWork, type Clock } from '@petitions/platform';
import { parseTrackingCode } from '../petitions/tracking-code';
import { TrackingService } from '../tracking/tracking.service';
import { decideFeedback, type FeedbackDecision } from './feedback-decision';
import { PetitionFeedbackEntity } from './feedback.entity';
import { FeedbackRefused } from './feedback-refused';
import { FeedbackRepository, type AnsweredPetition, type RecordedFeedback } from './feedback.repository';
import type { FeedbackAccepted, SubmitFeedbackDto } from './submit-feedback.dto';

function accepted(recorded: RecordedFeedback, duplicate: boolean): FeedbackAccepted {
  const { petitionId, trackingCode, satisfied } = recorded;
  return { petitionId, trackingCode, satisfied, reopened: !satisfied, duplicate };
}

type Accepted = Extract<FeedbackDecision, { kind: 'accepted' }>;

/** The citizen's answer to the survey, from `POST /petitions/feedback` or `channel.inbound`, taken in once. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly feedback: FeedbackRepository,
    private readonly tracking: TrackingService,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records the answer, folds it into the petition's facts and emits its events, in one transaction under the
   * petition's lock; the same channel message again gets the same answer. `cause`: the channel's envelope, when
   * the answer came on Kafka. Throws FeedbackRefused for a petition that is unknown, another channel's, or has no
   * resolution to answer for.
   */
  answer(input: SubmitFeedbackDto, cause?: EventEnvelope): Promise<FeedbackAccepted> {
    return this.unitOfWork.run(async () => {
      const earlier = await this.feedback.answerToMessage(input.channel, input.channelMessageId);
      if (earlier) return accepted(earlier, true);
      const petition = await this.petitionAnswered(input);
      const facts = await this.tracking.lockedFacts(petition.id);
      if (!facts) throw new Error(`petition ${petition.id} vanished under its lock`);
      const recorded = facts.resolvedAt ? await this.feedback.answerToResolution(petition.id, facts.resolvedAt) : null;
      const decision = decideFeedback({
        petitionId: petition.id,
        facts,
        recorded,
        answer: input,
        now: this.clock.now(),
      });
      const answered = { petitionId: petition.id, trackingCode: petition.trackingCode };
      switch (decision.kind) {
        case 'not-resolved':
          throw new FeedbackRefused('NOT_RESOLVED', 'the petition is not resolved: there is no result to answer for');
        case 'already-answered':
          return accepted({ ...answered, satisfied: decision.answer.satisfied }, true);
        case 'accepted':
          await this.record(input, petition, decision, cause);
          return accepted({ ...answered, satisfied: decision.feedback.satisfied }, false);
      }
    });
  }

  /** The petition the answer names, if the answer's channel is the one it came in through. */
  private async petitionAnswered(input: SubmitFeedbackDto): Promise<AnsweredPetition> {
    const code = parseTrackingCode(input.trackingCode);
    const petition = code !== null ? await this.feedback.petitionWithTrackingCode(code) : null;
    if (!petition) throw new FeedbackRefused('UNKNOWN_PETITION', 'no petition has this tracking code');
    if (petition.channel !== input.channel) {
      throw new FeedbackRefused('OTHER_CHANNEL', 'only the channel the petition came from may answer for it');
    }
    return petition;
  }

  private async record(
    input: SubmitFeedbackDto,
    petition: AnsweredPetition,
    decision: Accepted,
    cause: EventEnvelope | undefined,
  ): Promise<void> {
    const options = { key: petition.id, petitionId: petition.id };
    const feedback = this.events.create('petition.feedback-received', decision.feedback, { ...options, cause });
    const reopened = decision.reopened
      ? this.events.create('petition.reopened', decision.reopened, { ...options, cause: feedback.envelope })
      : null;
    await this.feedback.insert(
      Object.assign(new PetitionFeedbackEntity(), {
        eventId: feedback.envelope.eventId,
        petitionId: petition.id,
        channel: input.channel,
        channelMessageId: input.channelMessageId,
        resolvedAt: decision.resolvedAt,
        satisfied: decision.feedback.satisfied,
        comment: input.comment ?? null,
        receivedAt: new Date(decision.feedback.receivedAt),
      }),
    );
    await this.outbox.append(reopened ? [feedback, reopened] : [feedback]);
    await this.tracking.record(feedback.envelope, { type: 'petition.feedback-received', payload: feedback.payload });
    if (reopened)
      await this.tracking.record(reopened.envelope, { type: 'petition.reopened', payload: reopened.payload });
  }
}
