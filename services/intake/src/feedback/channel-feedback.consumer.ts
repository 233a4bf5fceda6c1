import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ChannelFeedbackReceivedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { refusedOverKafka } from './feedback-refused';
import { FeedbackService } from './feedback.service';
import type { FeedbackAccepted } from './submit-feedback.dto';

/**
 * `channel.inbound`: a channel passes on a citizen's answer to the survey on Kafka instead of over HTTP. The
 * transport has checked it against the contract (or dead-lettered it); a refused answer (unknown petition, another
 * channel's, nothing resolved) is dead-lettered with its reason.
 */
@Controller()
export class ChannelFeedbackConsumer {
  constructor(private readonly feedback: FeedbackService) {}

  @EventPattern('channel.feedback-received')
  onFeedback(@Payload() event: IncomingEvent<ChannelFeedbackReceivedV1>): Promise<FeedbackAccepted> {
    return this.feedback.answer(event.payload, event.envelope).catch(refusedOverKafka);
  }
}
