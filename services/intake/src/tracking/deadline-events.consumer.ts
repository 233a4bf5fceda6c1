import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { DeadlineArmedV1, DeadlineBreachedV1, DeadlineStoppedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { TrackingService, type StatusChange } from './tracking.service';

/** `deadline.events`: the date the petition is expected by, and whether it is overdue. */
@Controller()
export class DeadlineEventsConsumer {
  constructor(private readonly tracking: TrackingService) {}

  @EventPattern('deadline.armed')
  onArmed(@Payload() e: IncomingEvent<DeadlineArmedV1>): Promise<StatusChange | null> {
    return this.tracking.record(e.envelope, { type: 'deadline.armed', payload: e.payload });
  }

  @EventPattern('deadline.breached')
  onBreached(@Payload() e: IncomingEvent<DeadlineBreachedV1>): Promise<StatusChange | null> {
    return this.tracking.record(e.envelope, { type: 'deadline.breached', payload: e.payload });
  }

  @EventPattern('deadline.stopped')
  onStopped(@Payload() e: IncomingEvent<DeadlineStoppedV1>): Promise<StatusChange | null> {
    return this.tracking.record(e.envelope, { type: 'deadline.stopped', payload: e.payload });
  }
}
