import { Inject, Injectable } from '@nestjs/common';
import { newEventId } from '@petitions/contracts';
import { townOfUnit } from '@petitions/district';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, UnitOfWork, type Clock } from '@petitions/platform';
import { PiiCipher } from '../reporters/pii-cipher';
import { sealReporterContact } from '../reporters/reporter-contact';
import { PetitionEntity } from './petition.entity';
import { PetitionRepository } from './petition.repository';
import type { PetitionAccepted, SubmitPetitionDto } from './submit-petition.dto';
import { newTrackingCode } from './tracking-code';

@Injectable()
export class PetitionIntakeService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly petitions: PetitionRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly cipher: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Stores the petition and its `petition.received` event in one transaction; idempotent per channel message.
   * The reporter's contact is stored sealed and goes into no event: routing and the departments get the text only.
   */
  submit(input: SubmitPetitionDto): Promise<PetitionAccepted> {
    return this.unitOfWork.run(async () => {
      const petition = this.newPetition(input);
      if (!(await this.petitions.insertIfNew(petition))) {
        const existing = await this.petitions.findByChannelMessage(input.channel, input.channelMessageId);
        if (!existing) throw new Error('petition vanished between conflict and lookup');
        return { petitionId: existing.id, trackingCode: existing.trackingCode, duplicate: true };
      }
      await this.outbox.append([
        this.events.create(
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
        ),
      ]);
      return { petitionId: petition.id, trackingCode: petition.trackingCode, duplicate: false };
    });
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
