import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PetitionAssignedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { TrackingService } from './tracking.service';

/** `routing.events`: which department must act, for the citizen's status lookup. */
@Controller()
export class RoutingEventsConsumer {
  constructor(private readonly tracking: TrackingService) {}

  @EventPattern('petition.assigned')
  onAssigned(@Payload() e: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    return this.tracking.record(e.envelope, { type: 'petition.assigned', payload: e.payload });
  }
}
