import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ChannelReplyRequestedV1, EventEnvelope } from '@petitions/contracts';
import { EventFactory, Outbox, type PendingEvent } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import type { TrackedEvent } from '../tracking/petition-status';
import type { StatusChange } from '../tracking/tracking.service';
import { repliesTo } from './reply-decisions';
import { kindsOf, replyText, type ReplyContent } from './reply-templates';
import { RecipientDirectory, type Recipient } from './recipients';

/** The `channel.reply-requested` payload that tells one recipient one thing. */
export function replyFor(recipient: Recipient, content: ReplyContent): ChannelReplyRequestedV1 {
  return {
    channel: recipient.channel,
    recipientKind: recipient.address.kind,
    recipient: recipient.address.value,
    inReplyTo: recipient.channelMessageId,
    petitionId: recipient.petitionId,
    trackingCode: recipient.trackingCode,
    kind: content.kind,
    text: replyText(recipient.trackingCode, content),
  };
}

/**
 * Talking back to the citizen: after intake has folded an event into a petition's facts, the replies it calls for
 * go to `channel.outbound`, one per recipient, through the outbox in the same transaction as the fold. Nothing here
 * is logged about a recipient but the petition id.
 */
@Injectable()
export class OutboundReplies {
  private readonly logger = new Logger(OutboundReplies.name);

  constructor(
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `change` is what TrackingService.record folded (null: a petition intake does not hold, so nobody to tell). */
  async answer(cause: EventEnvelope, event: TrackedEvent, change: StatusChange | null): Promise<void> {
    if (!change) return;
    const contents = repliesTo(event, change, this.clock.now());
    if (contents.length === 0) return;
    const petitionId = event.payload.petitionId;
    const everyone = await this.recipients.recipientsOf(petitionId);
    // A receipt acknowledges one message: it goes to its own reporter, not to others who reported the same matter.
    const recipients =
      event.type === 'petition.received' ? everyone.filter((r) => r.petitionId === petitionId) : everyone;
    if (recipients.length === 0) {
      this.logger.debug(`petition ${petitionId}: no reachable recipient, ${kindsOf(contents).join(' + ')} not sent`);
      return;
    }
    await this.outbox.append(recipients.flatMap((recipient) => this.requests(cause, recipient, contents)));
  }

  private requests(cause: EventEnvelope, recipient: Recipient, contents: readonly ReplyContent[]): PendingEvent[] {
    return contents.map((content) =>
      this.events.create('channel.reply-requested', replyFor(recipient, content), {
        key: recipient.petitionId,
        petitionId: recipient.petitionId,
        cause,
      }),
    );
  }
}
