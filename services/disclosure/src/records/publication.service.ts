import { Inject, Injectable } from '@nestjs/common';
import { newEventId, type PetitionReviewedV1 } from '@petitions/contracts';
import { EventFactory, Outbox, type IncomingEvent } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import { PublicRecordEntity } from './public-record.entity';
import { PublicRecordRepository } from './public-record.repository';
import { chainHash, GENESIS_HASH } from './record-chain';
import { redact } from './redaction';
import type { PublicRecordView } from './public-record.view';
import { toView } from './public-record.view';

@Injectable()
export class PublicationService {
  constructor(
    private readonly records: PublicRecordRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Publishes a reviewed petition on the board, once, as the next link of the hash chain. */
  async publish({ envelope, payload }: IncomingEvent<PetitionReviewedV1>): Promise<void> {
    const head = await this.records.lockHead();
    if (await this.records.findByPetition(payload.petitionId)) return;
    const publishedAt = this.clock.now();
    const fields = {
      id: newEventId(),
      sequence: (head.sequence + 1n).toString(),
      petitionId: payload.petitionId,
      departmentCode: payload.departmentCode,
      category: payload.category,
      town: payload.town ?? null,
      unit: payload.unit ?? null,
      receivedAt: payload.receivedAt,
      resolvedAt: payload.resolvedAt,
      handlingSeconds: payload.handlingSeconds,
      withinDeadline: payload.withinDeadline,
      resultSummary: redact(payload.result),
      findings: [...payload.findings],
      publishedAt: publishedAt.toISOString(),
    };
    const previousHash = head.hash ?? GENESIS_HASH;
    const hash = chainHash(previousHash, fields);
    await this.records.insert(
      Object.assign(new PublicRecordEntity(), {
        ...fields,
        receivedAt: new Date(fields.receivedAt),
        resolvedAt: new Date(fields.resolvedAt),
        publishedAt,
        previousHash,
        hash,
      }),
    );
    await this.outbox.append([
      this.events.create(
        'record.published',
        {
          recordId: fields.id,
          petitionId: fields.petitionId,
          sequence: Number(fields.sequence),
          hash,
          departmentCode: fields.departmentCode,
          publishedAt: fields.publishedAt,
        },
        { key: fields.petitionId, cause: envelope },
      ),
    ]);
  }

  async recordOf(petitionId: string): Promise<PublicRecordView | null> {
    const record = await this.records.findByPetition(petitionId);
    return record ? toView(record) : null;
  }

  async latest(limit: number): Promise<PublicRecordView[]> {
    return (await this.records.latest(limit)).map(toView);
  }
}
