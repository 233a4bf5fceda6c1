import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PetitionAssignedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { GroupingService } from '../grouping/grouping.service';
import { TrackingService } from './tracking.service';

/**
 * `routing.events`: which department must act, for the citizen's status lookup; and, the category being known now,
 * which other petitions are about the same matter.
 */
@Controller()
export class RoutingEventsConsumer {
  constructor(
    private readonly tracking: TrackingService,
    private readonly grouping: GroupingService,
  ) {}

  @EventPattern('petition.assigned')
  async onAssigned(@Payload() e: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    await this.tracking.record(e.envelope, { type: 'petition.assigned', payload: e.payload });
    await this.grouping.consider(e.envelope, e.payload);
  }
}
