import {
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

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
  /** Free-text location from the channel (may name a road or a landmark). */
  @IsOptional() @IsString() @Length(1, 200) address?: string;
  @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;
  @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
  /** A category code the channel provided (an Open311 `service_code`): routing trusts it over its classifier. */
  @IsOptional() @IsString() @MaxLength(64) category?: string;
  @IsOptional() @IsIn(['general', 'complex']) complexityHint?: 'general' | 'complex';
  @IsISO8601({ strict: true }) receivedAt!: string;
}
