import { Inject, Injectable } from '@nestjs/common';
import type { ReassignmentCause, TransferStepV1 } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import type { RoutingDecision } from '../decisions/routing-decision';
import { MAX_REASON_LENGTH } from '../decisions/work-orders';
import { DistrictService } from '../district/district.service';
import { dutyOfficerFor } from '../jurisdiction/duty';
import { factsOf, RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import { WorkOrderRepository } from '../work-orders/work-order.repository';
import { type Cause, WorkOrderService } from '../work-orders/work-order.service';
import type { AssignmentEntity } from './assignment.entity';
import { AssignmentRepository } from './assignment.repository';

export type NewDepartments = Pick<
  RoutingDecision,
  'departmentCode' | 'coDepartments' | 'category' | 'complexity' | 'urgent' | 'handlingTown'
>;

/**
 * Moves a petition to other departments after it was assigned (a review, a transfer, coordination): withdraws the
 * work orders that no longer stand, issues the new ones, and says so in `petition.reassigned` with the chain.
 */
@Injectable()
export class ReassignmentService {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly petitions: RoutedPetitionRepository,
    private readonly orders: WorkOrderRepository,
    private readonly workOrders: WorkOrderService,
    private readonly districts: DistrictService,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async reassign(input: {
    assignment: AssignmentEntity;
    to: NewDepartments;
    cause: ReassignmentCause;
    reason: string;
    step?: TransferStepV1;
    triggeredBy: Cause;
  }): Promise<void> {
    const { assignment, to, triggeredBy } = input;
    const petition = await this.petitions.find(assignment.petitionId);
    if (!petition) throw new Error(`petition ${assignment.petitionId} has an assignment but no record`);
    const now = this.clock.now();
    const from = assignment.departmentCode;
    const involved = new Set([to.departmentCode, ...to.coDepartments]);
    const standing = (await this.orders.ofPetition(assignment.petitionId)).filter(
      (order) => order.status !== 'withdrawn',
    );
    for (const order of standing.filter((candidate) => !involved.has(candidate.departmentCode))) {
      await this.workOrders.withdraw({
        petitionId: assignment.petitionId,
        departmentCode: order.departmentCode,
        reason: input.reason,
        next: to.departmentCode,
        cause: triggeredBy,
      });
    }
    const holding = (code: string, role: 'primary' | 'co'): boolean =>
      standing.some((order) => order.departmentCode === code && order.role === role);
    const departments = [...involved].filter((code) => !holding(code, code === to.departmentCode ? 'primary' : 'co'));
    const file = await this.districts.current();
    const facts = factsOf(petition);
    const onDuty = dutyOfficerFor(file.district, facts, facts.receivedAt);
    await this.workOrders.issue({
      petition: facts,
      decision: to,
      district: file.district,
      onDuty,
      cause: triggeredBy,
      departments,
    });
    const chain = input.step ? [...assignment.chain, input.step] : assignment.chain;
    Object.assign(assignment, {
      departmentCode: to.departmentCode,
      coDepartments: [...to.coDepartments],
      category: to.category,
      complexity: to.complexity,
      urgent: to.urgent,
      handlingTown: to.handlingTown ?? null,
      reason: input.reason.slice(0, MAX_REASON_LENGTH),
      needsReview: false,
      heldSince: from === to.departmentCode ? assignment.heldSince : now,
      chain,
    });
    await this.assignments.save(assignment);
    await this.outbox.append([
      this.events.create(
        'petition.reassigned',
        {
          petitionId: assignment.petitionId,
          fromDepartment: from,
          departmentCode: to.departmentCode,
          coDepartments: [...to.coDepartments],
          category: to.category,
          complexity: to.complexity,
          urgent: to.urgent,
          cause: input.cause,
          reason: input.reason.slice(0, 500),
          ...(to.handlingTown ? { handlingTown: to.handlingTown } : {}),
          chain,
          receivedAt: petition.receivedAt.toISOString(),
          reassignedAt: now.toISOString(),
        },
        { key: assignment.petitionId, cause: triggeredBy },
      ),
    ]);
  }
}
