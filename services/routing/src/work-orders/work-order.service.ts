import { Inject, Injectable } from '@nestjs/common';
import { deptAssignmentsTopic, type EventEnvelope } from '@petitions/contracts';
import type { District } from '@petitions/district';
import { EventFactory, Outbox, type PendingEvent } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { RoutingConfig } from '../config';
import type { RoutingDecision } from '../decisions/routing-decision';
import { type AcknowledgementTimeouts, type PetitionFacts, workOrderPayload } from '../decisions/work-orders';
import type { DutyOfficer } from '../jurisdiction/duty';
import { WorkOrderEntity } from './work-order.entity';
import { WorkOrderRepository } from './work-order.repository';

/** The event a new event answers to: its id is the causation id, its correlation id is carried on. */
export type Cause = Pick<EventEnvelope, 'eventId' | 'correlationId' | 'petitionId'>;

type OrderedDecision = Pick<
  RoutingDecision,
  'departmentCode' | 'coDepartments' | 'category' | 'complexity' | 'urgent' | 'handlingTown'
>;

/** Issues and withdraws departments' work orders (dept.<CODE>.assignments) and keeps each one's state. */
@Injectable()
export class WorkOrderService {
  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
  ) {}

  get timeouts(): AcknowledgementTimeouts {
    return { general: this.config.ROUTING_ACK_TIMEOUT_SECONDS, urgent: this.config.ROUTING_ACK_TIMEOUT_URGENT_SECONDS };
  }

  /** One work order per department in `departments` (by default every one involved), stored and sent. */
  async issue(input: {
    petition: PetitionFacts;
    decision: OrderedDecision;
    district: District;
    onDuty?: DutyOfficer;
    cause: Cause;
    departments?: readonly string[];
  }): Promise<void> {
    const { petition, decision } = input;
    const issuedAt = this.clock.now();
    const departments = input.departments ?? [decision.departmentCode, ...decision.coDepartments];
    const pending = departments.map((departmentCode) =>
      this.events.create(
        'work-order.issued',
        workOrderPayload({ ...input, departmentCode, issuedAt, timeouts: this.timeouts }),
        { key: petition.petitionId, cause: input.cause, topic: deptAssignmentsTopic(departmentCode) },
      ),
    );
    await this.orders.save(pending.map((event) => this.entityOf(event, issuedAt)));
    await this.outbox.append(pending);
  }

  /** Takes a department's work order back (the petition went elsewhere): it may no longer act or answer on it. */
  async withdraw(input: {
    petitionId: string;
    departmentCode: string;
    reason: string;
    next?: string;
    cause: Cause;
  }): Promise<void> {
    const order = await this.orders.find(input.petitionId, input.departmentCode);
    if (!order || order.status === 'withdrawn') return;
    const now = this.clock.now();
    await this.orders.save([Object.assign(order, { status: 'withdrawn', updatedAt: now })]);
    await this.outbox.append([
      this.events.create(
        'work-order.withdrawn',
        {
          petitionId: input.petitionId,
          departmentCode: input.departmentCode,
          reason: input.reason.slice(0, 500),
          ...(input.next ? { nextDepartment: input.next } : {}),
          withdrawnAt: now.toISOString(),
        },
        { key: input.petitionId, cause: input.cause, topic: deptAssignmentsTopic(input.departmentCode) },
      ),
    ]);
  }

  /**
   * Records a department's answer that changes its work order's state (acknowledged, resolved); a resolution
   * without an acknowledgement first still means the department took the work order.
   */
  record(
    petitionId: string,
    departmentCode: string,
    change: 'acknowledged' | 'resolved',
    at: Date,
  ): Promise<WorkOrderEntity | undefined> {
    return this.orders.markAnswered(petitionId, departmentCode, change, at);
  }

  private entityOf(event: PendingEvent<'work-order.issued'>, issuedAt: Date): WorkOrderEntity {
    const order = event.payload;
    return Object.assign(new WorkOrderEntity(), {
      petitionId: order.petitionId,
      departmentCode: order.departmentCode,
      role: order.role,
      status: 'issued',
      order,
      issuedEventId: event.envelope.eventId,
      issuedAt,
      acknowledgeBy: new Date(order.acknowledgeBy ?? issuedAt),
      acknowledgedAt: null,
      escalatedAt: null,
      updatedAt: issuedAt,
    } satisfies WorkOrderEntity);
  }
}
