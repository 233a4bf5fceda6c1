import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  DepartmentAcknowledgedV1,
  DepartmentProgressReportedV1,
  DepartmentResolvedV1,
} from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { TrackingService } from './tracking.service';

/** `dept.responses`: what the departments say they did, for the citizen's status lookup. */
@Controller()
export class DepartmentResponsesConsumer {
  constructor(private readonly tracking: TrackingService) {}

  @EventPattern('department.acknowledged')
  onAcknowledged(@Payload() e: IncomingEvent<DepartmentAcknowledgedV1>): Promise<void> {
    return this.tracking.record(e.envelope, { type: 'department.acknowledged', payload: e.payload });
  }

  @EventPattern('department.progress-reported')
  onProgress(@Payload() e: IncomingEvent<DepartmentProgressReportedV1>): Promise<void> {
    return this.tracking.record(e.envelope, { type: 'department.progress-reported', payload: e.payload });
  }

  @EventPattern('department.resolved')
  onResolved(@Payload() e: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    return this.tracking.record(e.envelope, { type: 'department.resolved', payload: e.payload });
  }
}
