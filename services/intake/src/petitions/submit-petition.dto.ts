import { CHANNEL_CODES } from '@petitions/district';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** What a channel sends. Fields a caller must never set (status, department, deadline) do not exist here. */
export class SubmitPetitionDto {
  @IsIn(CHANNEL_CODES) channel!: string;
  /** The channel's own id for the message: the same id twice is the same petition. */
  @IsString() @Length(1, 200) channelMessageId!: string;
  @IsString() @Length(1, 4000) text!: string;
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{0,63}$/) town?: string;
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{0,63}$/) unit?: string;
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_-]{0,63}$/) grid?: string;
}

export interface PetitionAccepted {
  petitionId: string;
  trackingCode: string;
  /** True when this channel message had been received before (the same petition is returned). */
  duplicate: boolean;
}
