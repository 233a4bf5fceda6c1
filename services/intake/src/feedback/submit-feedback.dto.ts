import { ChannelFeedbackReceivedV1 } from '@petitions/contracts';

/**
 * What a channel sends to `POST /petitions/feedback`: exactly the `channel.feedback-received` contract, so the HTTP
 * and the Kafka path accept the same answers with the same rules (unknown fields rejected).
 */
export class SubmitFeedbackDto extends ChannelFeedbackReceivedV1 {}

export interface FeedbackAccepted {
  petitionId: string;
  trackingCode: string;
  /** The answer that counts for the petition's latest resolution (the first one given). */
  satisfied: boolean;
  /** True when that answer reopened the petition (it was not satisfied). */
  reopened: boolean;
  /** True when this answer had been given before (same channel message, or the resolution already answered). */
  duplicate: boolean;
}
