import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, lockForTransaction, UnitOfWork } from '@petitions/platform';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { AssignmentService } from '../assignments/assignment.service';
import { ReassignmentService } from '../assignments/reassignment.service';
import { type OperatorChoice, operatorDecision } from '../decisions/operator-decision';
import { DistrictService } from '../district/district.service';
import { RoutingHttpError } from '../http/routing-http.error';
import { trainingLabel } from '../labels/training-label';
import { TrainingLabelRepository } from '../labels/training-label.repository';
import { factsOf, RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import { TriageRepository } from './triage.repository';

/** One queued petition as an operator sees it. */
export interface TriageView {
  petitionId: string;
  kind: 'triage' | 'review';
  text: string;
  channel: string;
  town?: string;
  unit?: string;
  receivedAt: string;
  queuedAt: string;
  suggestion: {
    departmentCode: string;
    coDepartments: string[];
    category: string;
    complexity: string;
    urgent: boolean;
    confidence: number;
  };
  doubts: string[];
}

export interface TriageOutcome {
  petitionId: string;
  kind: 'triage' | 'review';
  departmentCode: string;
  action: 'assigned' | 'confirmed' | 'reassigned';
}

/** The operators' side of triage: the queue, and their decisions, each of which becomes a training label. */
@Injectable()
export class TriageService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly items: TriageRepository,
    private readonly petitions: RoutedPetitionRepository,
    private readonly assignments: AssignmentRepository,
    private readonly assigner: AssignmentService,
    private readonly reassigner: ReassignmentService,
    private readonly districts: DistrictService,
    private readonly labels: TrainingLabelRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async queue(limit = 100): Promise<TriageView[]> {
    return (await this.items.queued(limit)).map(({ item, petition }) => ({
      petitionId: item.petitionId,
      kind: item.kind,
      text: petition.text,
      channel: petition.channel,
      ...(petition.town ? { town: petition.town } : {}),
      ...(petition.unit ? { unit: petition.unit } : {}),
      receivedAt: petition.receivedAt.toISOString(),
      queuedAt: item.queuedAt.toISOString(),
      suggestion: {
        departmentCode: item.suggestion.departmentCode,
        coDepartments: item.suggestion.coDepartments,
        category: item.suggestion.category,
        complexity: item.suggestion.complexity,
        urgent: item.suggestion.urgent,
        confidence: item.suggestion.confidence,
      },
      doubts: item.suggestion.doubts,
    }));
  }

  /**
   * An operator's decision: a queued petition is assigned now; a reviewed one is confirmed (same department) or
   * moved (`petition.reassigned`, cause review). Either way the decision is stored as a training label.
   */
  decide(petitionId: string, choice: OperatorChoice, operatorId: string): Promise<TriageOutcome> {
    return this.unitOfWork.run(async () => {
      await lockForTransaction(this.unitOfWork, `routing:petition:${petitionId}`);
      const item = await this.items.find(petitionId);
      const petition = await this.petitions.find(petitionId);
      if (!item || !petition)
        throw new RoutingHttpError('NOT_FOUND', `petition ${petitionId} is not in the triage queue`);
      if (item.status !== 'queued') {
        throw new RoutingHttpError(
          'CONFLICT',
          `petition ${petitionId} was decided by ${item.decidedBy ?? 'someone'} already`,
        );
      }
      const file = await this.districts.current();
      const result = operatorDecision({
        choice,
        suggestion: item.suggestion,
        district: file.district,
        ...(petition.town ? { town: petition.town } : {}),
        operatorId,
      });
      if (!result.ok)
        throw new RoutingHttpError('VALIDATION_FAILED', 'the decision does not fit the district', result.problems);
      const { decision } = result;
      const cause = { eventId: item.queuedEventId, correlationId: petition.correlationId, petitionId };
      let action: TriageOutcome['action'] = 'assigned';
      if (item.kind === 'triage') {
        await this.assigner.assign({
          petition: factsOf(petition),
          decision,
          file,
          cause,
          modelVersion: item.modelVersion ?? '',
        });
      } else {
        const assignment = await this.assignments.findByPetition(petitionId);
        if (!assignment) throw new Error(`petition ${petitionId} is under review but has no assignment`);
        if (assignment.departmentCode === decision.departmentCode) {
          action = 'confirmed';
          await this.assignments.save(Object.assign(assignment, { needsReview: false }));
        } else {
          action = 'reassigned';
          await this.reassigner.reassign({
            assignment,
            to: decision,
            cause: 'review',
            reason: decision.reason,
            triggeredBy: cause,
          });
        }
      }
      const now = this.clock.now();
      await this.labels.record(
        trainingLabel({ petition, decision, source: item.kind, labelledBy: operatorId, labelledAt: now }),
      );
      await this.items.save(
        Object.assign(item, {
          status: 'decided',
          decidedBy: operatorId,
          decidedAt: now,
          decidedDepartment: decision.departmentCode,
        }),
      );
      return { petitionId, kind: item.kind, departmentCode: decision.departmentCode, action };
    });
  }
}
