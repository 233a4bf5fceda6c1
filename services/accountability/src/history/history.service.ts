import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { lockForTransaction, UnitOfWork } from '@petitions/platform';
import { HistoryEventEntity, type PetitionFileEntity } from './history.entity';
import { HistoryRepository } from './history.repository';
import { applyToFile, findingsOf, readyForReview, type HistoryEvent } from './petition-file';

@Injectable()
export class HistoryService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly history: HistoryRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {}

  /**
   * Records an event of a petition's history, whatever topic it came from and in whatever order, and reviews the
   * petition once its history is complete. The petition lock makes the completeness check see every event.
   */
  async record(envelope: EventEnvelope, event: HistoryEvent): Promise<void> {
    const petitionId = event.payload.petitionId;
    await lockForTransaction(this.unitOfWork, `accountability:petition:${petitionId}`);
    await this.history.append(
      Object.assign(new HistoryEventEntity(), {
        eventId: envelope.eventId,
        petitionId,
        eventType: event.type,
        occurredAt: new Date(envelope.occurredAt),
        departmentCode: 'departmentCode' in event.payload ? event.payload.departmentCode : null,
        payload: { ...event.payload },
      }),
    );
    const file = await this.history.file(petitionId);
    applyToFile(file, event);
    if (file.reviewedAt === null && readyForReview(file)) await this.review(file, envelope);
    await this.history.saveFile(file);
  }

  private async review(file: PetitionFileEntity, cause: EventEnvelope): Promise<void> {
    const { receivedAt, resolvedAt, departmentCode, category, complexity, result, withinDeadline } = file;
    if (!receivedAt || !resolvedAt || !departmentCode || !category || !result || withinDeadline === null) return;
    const timeline = await this.history.timeline(file.petitionId);
    file.reviewedAt = new Date(cause.occurredAt);
    await this.outbox.append([
      this.events.create(
        'petition.reviewed',
        {
          petitionId: file.petitionId,
          departmentCode,
          category,
          complexity: complexity === 'complex' ? 'complex' : 'general',
          ...(file.town ? { town: file.town } : {}),
          ...(file.unit ? { unit: file.unit } : {}),
          receivedAt: receivedAt.toISOString(),
          resolvedAt: resolvedAt.toISOString(),
          handlingSeconds: Math.max(0, Math.round((resolvedAt.getTime() - receivedAt.getTime()) / 1000)),
          withinDeadline,
          result,
          findings: findingsOf(file),
          timeline: timeline.map((entry) => ({
            at: entry.occurredAt.toISOString(),
            eventType: entry.eventType,
            ...(entry.departmentCode ? { departmentCode: entry.departmentCode } : {}),
          })),
        },
        { key: file.petitionId, cause },
      ),
    ]);
  }
}
