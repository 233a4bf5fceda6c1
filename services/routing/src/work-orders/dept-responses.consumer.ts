import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  DepartmentAcknowledgedV1,
  DepartmentResolvedV1,
  DepartmentTransferRequestedV1,
} from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { TransferService } from '../assignments/transfer.service';
import { OutcomeLabels } from '../labels/outcome-labels';
import { WorkOrderService } from './work-order.service';

/** What routing follows of the departments' answers: acknowledgements (no escalation), resolutions, transfers. */
@Controller()
export class DeptResponsesConsumer {
  constructor(
    private readonly workOrders: WorkOrderService,
    private readonly transfers: TransferService,
    private readonly outcomes: OutcomeLabels,
  ) {}

  @EventPattern('department.acknowledged')
  async onAcknowledged(@Payload() { payload }: IncomingEvent<DepartmentAcknowledgedV1>): Promise<void> {
    await this.workOrders.record(
      payload.petitionId,
      payload.departmentCode,
      'acknowledged',
      new Date(payload.acknowledgedAt),
    );
  }

  @EventPattern('department.resolved')
  async onResolved(@Payload() { payload }: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    const order = await this.workOrders.record(
      payload.petitionId,
      payload.departmentCode,
      'resolved',
      new Date(payload.resolvedAt),
    );
    if (order?.role === 'primary') await this.outcomes.onResolved(payload.petitionId, payload.departmentCode);
  }

  @EventPattern('department.transfer-requested')
  onTransferRequested(@Payload() event: IncomingEvent<DepartmentTransferRequestedV1>): Promise<void> {
    return this.transfers.onRequested(event);
  }
}
