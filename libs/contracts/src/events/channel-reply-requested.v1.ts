import { CHANNEL_CODES } from '@petitions/district';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { TRACKING_CODE_SHAPE } from './channel-fields';

/** What a reply tells the resident: in the order a petition goes through them. */
export const REPLY_KINDS = ['receipt', 'assignment', 'progress', 'result', 'survey'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * How the channel reaches the resident: `handle`, the channel's own address for them (a chat-group member, an app
 * user); `phone`, a number the 12345 hotline calls or texts back when the caller has no handle.
 */
export const RECIPIENT_KINDS = ['handle', 'phone'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** The longest reply text: a template around a department's note or result (at most 4 000 characters each). */
export const MAX_REPLY_TEXT_LENGTH = 4500;

/**
 * channel.outbound · `channel.reply-requested` v1: intake asks a channel to deliver a message to the resident whose
 * petition (诉求) it is, in the channel and to the address the petition came from (a resident working far from home
 * gets answers in the same group). Keyed by the petition id. **Personal data**: `recipient` (and nothing else).
 */
export class ChannelReplyRequestedV1 {
  static readonly type = 'channel.reply-requested';
  static readonly version = 1;

  /** The channel that delivers it: the one the petition came in through. */
  @IsIn(CHANNEL_CODES) channel!: string;
  @IsIn(RECIPIENT_KINDS) recipientKind!: RecipientKind;
  /** The resident's handle in the channel, or their phone (normalised, e.g. `13812345678`). Personal data. */
  @IsString() @Length(1, 100) recipient!: string;
  /** The channel's own id of the message this answers: the resident's petition. */
  @IsString() @Length(1, 200) inReplyTo!: string;
  @IsUUID() petitionId!: string;
  @Matches(TRACKING_CODE_SHAPE) trackingCode!: string;
  @IsIn(REPLY_KINDS) kind!: ReplyKind;
  /** The message in Chinese, ready to send as it is. */
  @IsString() @Length(1, MAX_REPLY_TEXT_LENGTH) text!: string;
}
