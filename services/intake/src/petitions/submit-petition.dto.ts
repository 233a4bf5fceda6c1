import { ChannelMessageReceivedV1 } from '@petitions/contracts';

/**
 * What a channel sends to `POST /petitions`: exactly the `channel.message-received` contract, so the HTTP and the
 * Kafka path accept the same bodies with the same rules. Fields a caller must never set (status, department,
 * deadline) do not exist here and are rejected.
 */
export class SubmitPetitionDto extends ChannelMessageReceivedV1 {}

export interface PetitionAccepted {
  petitionId: string;
  trackingCode: string;
  /** True when this channel message had been received before (the same petition is returned). */
  duplicate: boolean;
}
