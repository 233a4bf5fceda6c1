import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

/** petition.events · `petition.received` v1: intake stored a new petition (诉求). No personal data. */
export class PetitionReceivedV1 {
  static readonly type = 'petition.received';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  /** Public tracking code given to the reporter. */
  @Matches(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/) trackingCode!: string;
  @IsString() @Length(1, 64) channel!: string;
  @IsString() @Length(1, 200) channelMessageId!: string;
  @IsString() @Length(1, 4000) text!: string;
  @IsOptional() @IsString() @MaxLength(64) town?: string;
  @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @IsOptional() @IsString() @MaxLength(64) grid?: string;
  @IsOptional() @IsIn(['general', 'complex']) complexityHint?: 'general' | 'complex';
  @IsISO8601({ strict: true }) receivedAt!: string;
}
