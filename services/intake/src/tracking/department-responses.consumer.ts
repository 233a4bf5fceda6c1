import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  DepartmentAcknowledgedV1,
  DepartmentProgressReportedV1,
  DepartmentResolvedV1,
} from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { OutboundReplies } from '../outbound/outbound-replies.service';
import { TrackingService, type StatusChange } from './tracking.service';

/** `dept.responses`: what the departments say they did, for the citizen's status lookup and the replies. */
@Controller()
export class DepartmentResponsesConsumer {
  constructor(
    private readonly tracking: TrackingService,
    private readonly replies: OutboundReplies,
  ) {}

  @EventPattern('department.acknowledged')
  onAcknowledged(@Payload() e: IncomingEvent<DepartmentAcknowledgedV1>): Promise<StatusChange | null> {
    return this.tracking.record(e.envelope, { type: 'department.acknowledged', payload: e.payload });
  }

  @EventPattern('department.progress-reported')
  async onProgress(@Payload() e: IncomingEvent<DepartmentProgressReportedV1>): Promise<void> {
    const event = { type: 'department.progress-reported', payload: e.payload } as const;
    await this.replies.answer(e.envelope, event, await this.tracking.record(e.envelope, event));
  }

  @EventPattern('department.resolved')
  async onResolved(@Payload() e: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    const event = { type: 'department.resolved', payload: e.payload } as const;
    await this.replies.answer(e.envelope, event, await this.tracking.record(e.envelope, event));
  }
}
