import { Inject, Injectable } from '@nestjs/common';
import type { EventPayloads, WorkOrderIssuedV1 } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, type Clock, UnitOfWork } from '@petitions/platform';
import type { Principal } from '../http/credentials';
import { RoutingHttpError } from '../http/routing-http.error';
import { RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import type { WorkOrderEntity, WorkOrderStatus } from '../work-orders/work-order.entity';
import { WorkOrderRepository } from '../work-orders/work-order.repository';

type Department = Extract<Principal, { kind: 'department' }>;

/** A department's answers (签收, progress, 办结, 退回, extension), as `dept.responses` carries them. */
export type AnswerType =
  | 'department.acknowledged'
  | 'department.progress-reported'
  | 'department.resolved'
  | 'department.transfer-requested'
  | 'department.extension-requested';

/** What the department writes; routing adds the petition, the department and the time. */
export type AnswerBody<T extends AnswerType> = Omit<
  EventPayloads[T],
  'petitionId' | 'departmentCode' | 'acknowledgedAt' | 'reportedAt' | 'resolvedAt' | 'requestedAt'
>;

/** The field of each answer that says when it was given. */
const TIME_FIELD: Record<AnswerType, string> = {
  'department.acknowledged': 'acknowledgedAt',
  'department.progress-reported': 'reportedAt',
  'department.resolved': 'resolvedAt',
  'department.transfer-requested': 'requestedAt',
  'department.extension-requested': 'requestedAt',
};

/** A work order as its department sees it over HTTP. */
export interface WorkOrderView extends WorkOrderIssuedV1 {
  status: WorkOrderStatus;
  acknowledgedAt?: string;
}

function viewOf(order: WorkOrderEntity): WorkOrderView {
  return {
    ...order.order,
    status: order.status,
    ...(order.acknowledgedAt ? { acknowledgedAt: order.acknowledgedAt.toISOString() } : {}),
  };
}

/**
 * The department systems' HTTP desk: each credential reaches its own department's work orders only (a town's
 * government only its own town's territorial ones), and its answers go out on `dept.responses` exactly as if the
 * department system had written them there, so one path handles both.
 */
@Injectable()
export class DepartmentDesk {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: WorkOrderRepository,
    private readonly petitions: RoutedPetitionRepository,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(department: Department, statuses?: WorkOrderStatus[]): Promise<WorkOrderView[]> {
    const orders = await this.orders.ofDepartment(department.department, statuses);
    return orders.filter((order) => this.reaches(department, order)).map(viewOf);
  }

  async show(department: Department, petitionId: string): Promise<WorkOrderView> {
    return viewOf(await this.own(department, petitionId));
  }

  answer<T extends AnswerType>(
    department: Department,
    petitionId: string,
    type: T,
    body: AnswerBody<T>,
  ): Promise<{ eventId: string }> {
    return this.unitOfWork.run(async () => {
      const order = await this.own(department, petitionId);
      if (order.status === 'withdrawn') {
        throw new RoutingHttpError(
          'CONFLICT',
          'this work order was withdrawn: the petition went to another department',
        );
      }
      if (order.status === 'resolved') throw new RoutingHttpError('CONFLICT', 'this work order is resolved already');
      if (type === 'department.transfer-requested' && order.role !== 'primary') {
        throw new RoutingHttpError('CONFLICT', 'only the primary department can ask to transfer a petition');
      }
      const petition = await this.petitions.find(petitionId);
      if (!petition) throw new Error(`work order without a petition: ${petitionId}`);
      const now = this.clock.now().toISOString();
      // The body was validated against the answer's own fields; the cast only joins it to the fields added here.
      const payload = {
        ...body,
        petitionId,
        departmentCode: order.departmentCode,
        [TIME_FIELD[type]]: now,
      } as EventPayloads[T];
      // The producer is the department system, as if it had written to dept.responses itself.
      const event = new EventFactory(`dept-system-${order.departmentCode}`, this.clock).create(type, payload, {
        key: petitionId,
        cause: { eventId: order.issuedEventId, correlationId: petition.correlationId, petitionId },
      });
      await this.outbox.append([event]);
      return { eventId: event.envelope.eventId };
    });
  }

  /** The department's own work order; another department's is answered as unknown, so none can probe for it. */
  private async own(department: Department, petitionId: string): Promise<WorkOrderEntity> {
    const order = await this.orders.find(petitionId, department.department);
    if (!order || !this.reaches(department, order)) {
      throw new RoutingHttpError('NOT_FOUND', `no work order of ${department.department} for petition ${petitionId}`);
    }
    return order;
  }

  private reaches(department: Department, order: WorkOrderEntity): boolean {
    return department.town === undefined || order.order.handlingTown === department.town;
  }
}
