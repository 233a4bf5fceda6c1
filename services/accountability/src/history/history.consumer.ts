import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  DeadlineArmedV1,
  DeadlineBreachedV1,
  DeadlineStoppedV1,
  DepartmentAcknowledgedV1,
  DepartmentProgressReportedV1,
  DepartmentResolvedV1,
  PetitionAssignedV1,
  PetitionReceivedV1,
} from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { HistoryService } from './history.service';

/** Every event about a petition, from every topic, goes into its history. */
@Controller()
export class HistoryConsumer {
  constructor(private readonly history: HistoryService) {}

  @EventPattern('petition.received')
  onReceived(@Payload() e: IncomingEvent<PetitionReceivedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'petition.received', payload: e.payload });
  }

  @EventPattern('petition.assigned')
  onAssigned(@Payload() e: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'petition.assigned', payload: e.payload });
  }

  @EventPattern('department.acknowledged')
  onAcknowledged(@Payload() e: IncomingEvent<DepartmentAcknowledgedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'department.acknowledged', payload: e.payload });
  }

  @EventPattern('department.progress-reported')
  onProgress(@Payload() e: IncomingEvent<DepartmentProgressReportedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'department.progress-reported', payload: e.payload });
  }

  @EventPattern('department.resolved')
  onResolved(@Payload() e: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'department.resolved', payload: e.payload });
  }

  @EventPattern('deadline.armed')
  onArmed(@Payload() e: IncomingEvent<DeadlineArmedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'deadline.armed', payload: e.payload });
  }

  @EventPattern('deadline.breached')
  onBreached(@Payload() e: IncomingEvent<DeadlineBreachedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'deadline.breached', payload: e.payload });
  }

  @EventPattern('deadline.stopped')
  onStopped(@Payload() e: IncomingEvent<DeadlineStoppedV1>): Promise<void> {
    return this.history.record(e.envelope, { type: 'deadline.stopped', payload: e.payload });
  }
}
