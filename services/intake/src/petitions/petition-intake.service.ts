import { Inject, Injectable } from '@nestjs/common';
import { newEventId } from '@petitions/contracts';
import { townOfUnit } from '@petitions/district';
import { EventFactory } from '@petitions/messaging';
import { CLOCK, GroupCommitter, UnitOfWork, type Clock } from '@petitions/platform';
import { IntakeConfig } from '../config';
import { PiiCipher } from '../reporters/pii-cipher';
import { sealReporterContact } from '../reporters/reporter-contact';
import { answersOf, firstOfEachMessage } from './petition-batch';
import { PetitionEntity } from './petition.entity';
import { PetitionRepository, type Submission } from './petition.repository';
import type { PetitionAccepted, SubmitPetitionDto } from './submit-petition.dto';
import { newTrackingCode } from './tracking-code';

@Injectable()
export class PetitionIntakeService {
  private readonly groupCommit: GroupCommitter<Submission, PetitionAccepted>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly petitions: PetitionRepository,
    private readonly events: EventFactory,
    private readonly cipher: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    config: IntakeConfig,
  ) {
    // Each batch is one statement, its own transaction: no BEGIN/COMMIT round trips around it.
    this.groupCommit = new GroupCommitter((batch) => this.store(batch), {
      maxBatchSize: config.INTAKE_GROUP_COMMIT_MAX_BATCH,
      maxConcurrentBatches: config.INTAKE_GROUP_COMMIT_CONCURRENCY,
      maxWaitMs: config.INTAKE_GROUP_COMMIT_MAX_WAIT_MS,
    });
  }

  /**
   * Stores the petition and its `petition.received` event in one transaction; idempotent per channel message.
   * Resolves once that transaction has committed. The reporter's contact is stored sealed and goes into no event:
   * routing and the departments get the text only.
   */
  async submit(input: SubmitPetitionDto): Promise<PetitionAccepted> {
    const submission = this.newSubmission(input);
    // A channel.inbound message is stored in its consumer's transaction, with its inbox row: they commit together.
    if (!this.unitOfWork.inTransaction()) return this.groupCommit.submit(submission);
    const [answer] = await this.store([submission]);
    if (answer?.status !== 'fulfilled') throw answer?.reason;
    return answer.value;
  }

  /** Stores the batch's new petitions with their events; every submission's answer. */
  private async store(batch: readonly Submission[]): Promise<PromiseSettledResult<PetitionAccepted>[]> {
    const petitions = batch.map((submission) => submission.petition);
    const { firsts, firstOf } = firstOfEachMessage(petitions);
    const inserted = await this.petitions.insertNew(firsts.map((index) => batch[index]!));
    const storedBefore = await this.petitions.findByChannelMessages(
      firsts.map((index) => petitions[index]!).filter((petition) => !inserted.has(petition.id)),
    );
    return answersOf(petitions, firstOf, inserted, storedBefore);
  }

  private newSubmission(input: SubmitPetitionDto): Submission {
    const petition = this.newPetition(input);
    const received = this.events.create(
      'petition.received',
      {
        petitionId: petition.id,
        trackingCode: petition.trackingCode,
        channel: petition.channel,
        channelMessageId: petition.channelMessageId,
        text: petition.text,
        ...(petition.town ? { town: petition.town } : {}),
        ...(petition.unit ? { unit: petition.unit } : {}),
        ...(petition.grid ? { grid: petition.grid } : {}),
        ...(petition.address ? { address: petition.address } : {}),
        ...(petition.latitude !== null ? { latitude: petition.latitude } : {}),
        ...(petition.longitude !== null ? { longitude: petition.longitude } : {}),
        ...(petition.channelCategory ? { category: petition.channelCategory } : {}),
        receivedAt: petition.receivedAt.toISOString(),
      },
      { key: petition.id, petitionId: petition.id },
    );
    return { petition, received };
  }

  private newPetition(input: SubmitPetitionDto): PetitionEntity {
    const petition = new PetitionEntity();
    petition.id = newEventId();
    petition.trackingCode = newTrackingCode();
    petition.channel = input.channel;
    petition.channelMessageId = input.channelMessageId;
    petition.text = input.text;
    petition.unit = input.unit ?? null;
    petition.town = input.town ?? (input.unit ? (townOfUnit(input.unit)?.code ?? null) : null);
    petition.grid = input.grid ?? null;
    petition.address = input.address ?? null;
    petition.latitude = input.latitude ?? null;
    petition.longitude = input.longitude ?? null;
    petition.channelCategory = input.category ?? null;
    petition.receivedAt = this.clock.now();
    Object.assign(petition, sealReporterContact(this.cipher, input.reporter));
    return petition;
  }
}
