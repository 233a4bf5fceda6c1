import { Inject, Injectable } from '@nestjs/common';
import type { PetitionReceivedV1 } from '@petitions/contracts';
import type { DistrictFile } from '@petitions/district';
import { EventFactory, Outbox, type IncomingEvent } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import { SERVICE_CONFIG } from '@petitions/runtime';
import { placeKindOf, placeKindsOf } from '../classifier';
import type { RoutingConfig } from '../config';
import { decideRouting, type RoutingDecision } from '../decisions/routing-decision';
import { assignedPayload, type PetitionFacts, urgentNotice } from '../decisions/work-orders';
import { DistrictService } from '../district/district.service';
import { dutyOfficerFor } from '../jurisdiction/duty';
import { DutyNotifier } from '../jurisdiction/duty-notifier';
import { locate } from '../jurisdiction/location';
import { ModelService } from '../model/model.service';
import { RoutedPetitionEntity } from '../petitions/routed-petition.entity';
import { factsOf, RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import { TriageQueue } from '../triage/triage-queue';
import { type Cause, WorkOrderService } from '../work-orders/work-order.service';
import { AssignmentEntity } from './assignment.entity';
import { AssignmentRepository } from './assignment.repository';

/** Decides each new petition's department (交办) and sends it out, or queues it for an operator. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly petitions: RoutedPetitionRepository,
    private readonly assignments: AssignmentRepository,
    private readonly districts: DistrictService,
    private readonly workOrders: WorkOrderService,
    private readonly triage: TriageQueue,
    private readonly duty: DutyNotifier,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly models: ModelService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
  ) {}

  /** A new petition: locate, classify, decide; then assign at once or queue for triage. Idempotent per petition. */
  async onReceived({ envelope, payload }: IncomingEvent<PetitionReceivedV1>): Promise<void> {
    const file = await this.districts.current();
    const { district } = file;
    const location = locate(district, payload);
    const classifier = await this.models.current();
    const classification = classifier.classify(payload.text, {
      channel: payload.channel,
      town: location.town,
      unit: location.unit,
      unitKind: placeKindOf(location, placeKindsOf(district)),
    });
    const decision = decideRouting({
      classification,
      channelCategory: payload.category,
      location,
      district,
      confidenceThreshold: this.config.ROUTING_TRIAGE_CONFIDENCE,
    });
    const petition = Object.assign(new RoutedPetitionEntity(), {
      petitionId: payload.petitionId,
      channel: payload.channel,
      text: payload.text,
      town: location.town ?? null,
      unit: location.unit ?? null,
      grid: location.grid ?? null,
      locationSource: location.source,
      address: payload.address ?? null,
      latitude: payload.latitude ?? null,
      longitude: payload.longitude ?? null,
      channelCategory: payload.category ?? null,
      receivedAt: new Date(payload.receivedAt),
      receivedEventId: envelope.eventId,
      correlationId: envelope.correlationId,
    } satisfies RoutedPetitionEntity);
    if (!(await this.petitions.insertIfNew(petition))) return;
    if (decision.disposition === 'triage') {
      return this.triage.queue(factsOf(petition), decision, envelope, classifier.modelVersion);
    }
    await this.assign({
      petition: factsOf(petition),
      decision,
      file,
      cause: envelope,
      modelVersion: classifier.modelVersion,
    });
  }

  /**
   * Sends a decision out: the assignment (petition.assigned, naming who is on duty at receipt), one work order per
   * department, at once a notice to the official on duty when it is urgent, and a review item when it was urgent
   * but in doubt. Used for the classifier's decisions and for operators' triage decisions alike.
   */
  async assign(input: {
    petition: PetitionFacts;
    decision: RoutingDecision;
    file: DistrictFile;
    cause: Cause;
    /** The model that classified it; an operator's decision records the model that suggested it. */
    modelVersion: string;
  }): Promise<void> {
    const { petition, decision, file, cause, modelVersion } = input;
    const assignedAt = this.clock.now();
    const onDuty = dutyOfficerFor(file.district, petition, petition.receivedAt);
    const payload = assignedPayload({
      petition,
      decision,
      onDuty,
      assignedAt,
      districtVersion: file.version,
      modelVersion,
    });
    const assignment = Object.assign(new AssignmentEntity(), {
      petitionId: petition.petitionId,
      departmentCode: decision.departmentCode,
      coDepartments: decision.coDepartments,
      category: decision.category,
      complexity: decision.complexity,
      urgent: decision.urgent,
      reason: payload.reason,
      assignedAt,
      confidence: decision.confidence,
      decidedBy: decision.decidedBy,
      needsReview: decision.needsReview,
      handlingTown: decision.handlingTown ?? null,
      onDuty: payload.onDuty ?? null,
      districtVersion: file.version,
      modelVersion,
      firstDepartment: decision.departmentCode,
      heldSince: assignedAt,
      chain: [],
      returnedBy: [],
      coordinatedAt: null,
    } satisfies AssignmentEntity);
    if (!(await this.assignments.insertIfNew(assignment))) return;
    const assigned = this.events.create('petition.assigned', payload, { key: petition.petitionId, cause });
    await this.outbox.append([assigned]);
    await this.workOrders.issue({ petition, decision, district: file.district, onDuty, cause });
    if (decision.urgent && onDuty) {
      const message = urgentNotice(petition, decision);
      await this.duty.notify({
        petitionId: petition.petitionId,
        officer: onDuty,
        reason: 'urgent-petition',
        message,
        cause,
      });
    }
    if (decision.needsReview)
      await this.triage.queueReview(petition, decision, assigned.envelope.eventId, modelVersion);
  }
}
