import { Inject, Injectable } from '@nestjs/common';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import type { RoutingDecision } from '../decisions/routing-decision';
import type { PetitionFacts } from '../decisions/work-orders';
import type { Cause } from '../work-orders/work-order.service';
import { TriageItemEntity } from './triage-item.entity';
import { TriageRepository } from './triage.repository';

/** Puts petitions in front of the operators: to decide (triage) or, for urgent ones already assigned, to review. */
@Injectable()
export class TriageQueue {
  constructor(
    private readonly items: TriageRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Nothing goes to a department yet: `petition.triage-queued` says that the petition waits for an operator. */
  async queue(petition: PetitionFacts, decision: RoutingDecision, cause: Cause, modelVersion: string): Promise<void> {
    const queuedAt = this.clock.now();
    const event = this.events.create(
      'petition.triage-queued',
      {
        petitionId: petition.petitionId,
        suggestedDepartment: decision.departmentCode,
        suggestedCategory: decision.category,
        confidence: decision.confidence,
        doubts: decision.doubts.slice(0, 10),
        receivedAt: petition.receivedAt.toISOString(),
        queuedAt: queuedAt.toISOString(),
      },
      { key: petition.petitionId, cause },
    );
    await this.items.insert(this.itemOf('triage', petition, decision, queuedAt, event.envelope.eventId, modelVersion));
    await this.outbox.append([event]);
  }

  /** An urgent petition assigned at once in doubt: the operator confirms or moves it (its assignment is the cause). */
  async queueReview(
    petition: PetitionFacts,
    decision: RoutingDecision,
    assignedEventId: string,
    modelVersion: string,
  ): Promise<void> {
    await this.items.insert(this.itemOf('review', petition, decision, this.clock.now(), assignedEventId, modelVersion));
  }

  private itemOf(
    kind: TriageItemEntity['kind'],
    petition: PetitionFacts,
    decision: RoutingDecision,
    queuedAt: Date,
    queuedEventId: string,
    modelVersion: string,
  ): TriageItemEntity {
    return Object.assign(new TriageItemEntity(), {
      petitionId: petition.petitionId,
      kind,
      status: 'queued',
      suggestedDepartment: decision.departmentCode,
      modelVersion: modelVersion || null,
      confidence: decision.confidence,
      suggestion: decision,
      queuedAt,
      queuedEventId,
      decidedBy: null,
      decidedAt: null,
      decidedDepartment: null,
    } satisfies TriageItemEntity);
  }
}
