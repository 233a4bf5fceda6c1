import { Inject, Injectable } from '@nestjs/common';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, type Clock, UnitOfWork } from '@petitions/platform';
import { dutyOfficerV1 } from '../decisions/work-orders';
import { DistrictService } from '../district/district.service';
import { dutyOfficerFor } from '../jurisdiction/duty';
import { DutyNotifier } from '../jurisdiction/duty-notifier';
import { factsOf, RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import { WorkOrderRepository } from './work-order.repository';

/**
 * A department that does not acknowledge (签收) its work order in time escalates the petition: the official on duty
 * one level up (the town's, else the district's) is told at once, and `petition.acknowledgement-overdue` says so.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly orders: WorkOrderRepository,
    private readonly petitions: RoutedPetitionRepository,
    private readonly districts: DistrictService,
    private readonly duty: DutyNotifier,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Escalates up to `limit` overdue work orders, each exactly once (claimed and marked in one transaction). */
  escalateOverdue(limit: number): Promise<number> {
    return this.unitOfWork.run(async () => {
      const overdue = await this.orders.claimOverdue(limit);
      if (overdue.length === 0) return 0;
      const { district } = await this.districts.current();
      const now = this.clock.now();
      for (const order of overdue) {
        const petition = await this.petitions.find(order.petitionId);
        if (!petition) continue;
        const facts = factsOf(petition);
        const officer = dutyOfficerFor(district, facts, now, 'town');
        const cause = {
          eventId: order.issuedEventId,
          correlationId: petition.correlationId,
          petitionId: order.petitionId,
        };
        const event = this.events.create(
          'petition.acknowledgement-overdue',
          {
            petitionId: order.petitionId,
            departmentCode: order.departmentCode,
            role: order.role,
            urgent: order.order.urgent,
            issuedAt: order.issuedAt.toISOString(),
            acknowledgeBy: order.acknowledgeBy.toISOString(),
            escalatedAt: now.toISOString(),
            ...(officer ? { escalatedTo: dutyOfficerV1(officer) } : {}),
          },
          { key: order.petitionId, cause },
        );
        await this.outbox.append([event]);
        if (officer) {
          const message = `【签收超时】${order.departmentCode} 未在时限内签收：${facts.text.slice(0, 200)}`;
          await this.duty.notify({
            petitionId: order.petitionId,
            officer,
            reason: 'acknowledgement-overdue',
            message,
            cause: { ...cause, eventId: event.envelope.eventId },
          });
        }
      }
      return overdue.length;
    });
  }
}
