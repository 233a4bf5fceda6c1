import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PetitionReceivedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { OutboundReplies } from '../outbound/outbound-replies.service';
import { TrackingService } from './tracking.service';

/**
 * `petition.events`: intake's own `petition.received`, read back so that the receipt to the citizen goes out from a
 * consumer (inbox-deduplicated) rather than from `POST /petitions`, whose transaction stays as small as it is.
 * Intake's other events on the topic (feedback, reopened) are folded where they are made, so they have no handler.
 */
@Controller()
export class PetitionEventsConsumer {
  constructor(
    private readonly tracking: TrackingService,
    private readonly replies: OutboundReplies,
  ) {}

  @EventPattern('petition.received')
  async onReceived(@Payload() e: IncomingEvent<PetitionReceivedV1>): Promise<void> {
    const event = { type: 'petition.received', payload: e.payload } as const;
    await this.replies.answer(e.envelope, event, await this.tracking.record(e.envelope, event));
  }
}
