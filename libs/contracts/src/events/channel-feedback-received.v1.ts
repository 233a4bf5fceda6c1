import { CHANNEL_CODES } from '@petitions/district';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { NUL_MESSAGE, TRACKING_CODE_SHAPE, trimmed, WITHOUT_NUL } from './channel-fields';

/**
 * channel.inbound · `channel.feedback-received` v1: a resident answered the satisfaction survey (满意度回访) of a
 * resolved petition, and their channel passes the answer on. The same fields are the body of intake's
 * `POST /petitions/feedback`; intake takes either in once per (channel, channelMessageId). Only the channel the
 * petition came from may answer for it. The comment is the resident's own words.
 */
export class ChannelFeedbackReceivedV1 {
  static readonly type = 'channel.feedback-received';
  static readonly version = 1;

  /** One of the district's channel codes: the channel the petition came in through. */
  @IsIn(CHANNEL_CODES) channel!: string;
  /** The channel's own id for the answer: the same id twice is the same answer. */
  @IsString() @Length(1, 200) @Matches(WITHOUT_NUL, NUL_MESSAGE) channelMessageId!: string;
  /** The tracking code of the petition answered, as the survey (`channel.reply-requested`) gave it. */
  @Matches(TRACKING_CODE_SHAPE, { message: '$property must be a tracking code such as 7KQ2-M9XD-4HTA' })
  trackingCode!: string;
  /** 满意 (true) or 不满意 (false) with the way the petition was resolved. */
  @IsBoolean() satisfied!: boolean;
  /** What the resident said, trimmed; an unsatisfied resident's words go back with the reopened petition. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  @Matches(WITHOUT_NUL, NUL_MESSAGE)
  comment?: string;
}
