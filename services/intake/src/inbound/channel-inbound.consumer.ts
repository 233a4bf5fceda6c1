import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ChannelMessageReceivedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { PetitionIntakeService } from '../petitions/petition-intake.service';
import type { PetitionAccepted } from '../petitions/submit-petition.dto';

/**
 * `channel.inbound`: the Kafka way in for upstream channels. The transport has already checked the envelope and the
 * payload (the rules of `POST /petitions`, or the message is dead-lettered), so this is the HTTP path's `submit`:
 * one petition per (channel, channelMessageId), whichever way, and however often, the message came.
 */
@Controller()
export class ChannelInboundConsumer {
  constructor(private readonly intake: PetitionIntakeService) {}

  @EventPattern('channel.message-received')
  onMessage(@Payload() event: IncomingEvent<ChannelMessageReceivedV1>): Promise<PetitionAccepted> {
    return this.intake.submit(event.payload);
  }
}
