import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PetitionAssignedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { OutboundReplies } from '../outbound/outbound-replies.service';
import { TrackingService } from './tracking.service';

/** `routing.events`: which department must act, for the citizen's status lookup and the reply that names it. */
@Controller()
export class RoutingEventsConsumer {
  constructor(
    private readonly tracking: TrackingService,
    private readonly replies: OutboundReplies,
  ) {}

  @EventPattern('petition.assigned')
  async onAssigned(@Payload() e: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    const event = { type: 'petition.assigned', payload: e.payload } as const;
    await this.replies.answer(e.envelope, event, await this.tracking.record(e.envelope, event));
  }
}
