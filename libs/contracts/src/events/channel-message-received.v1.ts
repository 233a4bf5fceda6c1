import {
  CATEGORY_CODES,
  CHANNEL_CODES,
  GRID_CODES,
  locationMismatch,
  TOWN_CODES,
  UNIT_CODES,
} from '@petitions/district';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  Max,
  Min,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isResidentIdNumber, NORMALISED_PHONE, normalizePhone, normalizeResidentId } from '../contact-fields';

/** PostgreSQL `text` cannot hold U+0000: such a value would fail at the insert, again on every retry. */
const WITHOUT_NUL = /^[^\u0000]*$/;
const NUL_MESSAGE = { message: '$property must not contain the NUL character (U+0000)' };

/** The name of the resident-ID rule (17 digits and a GB 11643 check character), for the AsyncAPI mapping. */
export const IS_RESIDENT_ID_NUMBER = 'isResidentIdNumber';

// Messages never quote the value ($value): a rejected field is personal data too.

function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_RESIDENT_ID_NUMBER,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isResidentIdNumber(value),
        defaultMessage: () => '$property must be an 18-character resident ID number with a valid check digit',
      },
    },
    options,
  );
}

/** The name of the rule that a unit lies in its town and a grid in its unit, for the AsyncAPI mapping. */
export const FITS_LOCATION = 'fitsLocation';

/** The town / unit / grid codes name places that fit inside each other (a unit in its town, a grid in its unit). */
function FitsLocation(part: 'unit' | 'grid', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: FITS_LOCATION,
      validator: {
        validate: (_value: unknown, args) =>
          locationMismatch(args?.object as ChannelMessageReceivedV1, part) === undefined,
        defaultMessage: (args) =>
          `$property does not fit the rest of the location: ${locationMismatch(args?.object as ChannelMessageReceivedV1, part) ?? ''}`,
      },
    },
    options,
  );
}

function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

function phoneNormalised({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? (normalizePhone(value) ?? value) : value;
}

function residentIdNormalised({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? normalizeResidentId(value) : value;
}

/**
 * Who sent the message, as the channel knows them: personal data. Normalised while decoded (trimmed; phones as
 * `13812345678` or `0731-84561234`; ID numbers with an upper-case X), then validated, as intake's ReporterDto does.
 */
export class ReporterV1 {
  @IsOptional() @Transform(trimmed) @IsString() @Length(1, 50) name?: string;

  /** Mainland mobile or landline, in any usual notation; validated in its normalised form. */
  @IsOptional()
  @Transform(phoneNormalised)
  @IsString()
  @Matches(NORMALISED_PHONE, { message: '$property must be a mainland mobile or landline number' })
  phone?: string;

  /** 居民身份证号码: 18 characters, the last a check digit (0-9 or X). */
  @IsOptional()
  @Transform(residentIdNormalised)
  @IsString()
  @IsResidentIdNumber()
  idNumber?: string;

  /** The reporter's handle in the chat group, or their user id in the app. */
  @IsOptional() @Transform(trimmed) @IsString() @Length(1, 100) handle?: string;
}

/**
 * channel.inbound · `channel.message-received` v1: an upstream channel (chat-group bot, 12345 hotline, app,
 * supervision platform) passes on a message that intake should take in as a petition (诉求). The fields and rules
 * are those of intake's `POST /petitions` body, and intake takes either in once per (channel, channelMessageId).
 * Carries personal data (the resident's own words, the reporter): only intake may read this topic.
 */
export class ChannelMessageReceivedV1 {
  static readonly type = 'channel.message-received';
  static readonly version = 1;

  /** One of the district's channel codes (district.json), e.g. `wechat-resident`, `hotline-12345`. */
  @IsIn(CHANNEL_CODES) channel!: string;
  /** The channel's own id for the message: the same id twice is the same petition. */
  @IsString() @Length(1, 200) @Matches(WITHOUT_NUL, NUL_MESSAGE) channelMessageId!: string;
  @IsString() @Length(1, 4000) @Matches(WITHOUT_NUL, NUL_MESSAGE) text!: string;
  /** Where, as the district's codes (district.json): a town, a unit (village, community, park) and a grid. */
  @IsOptional() @IsIn(TOWN_CODES, { message: "$property must be one of the district's town codes" }) town?: string;
  @IsOptional()
  @IsIn(UNIT_CODES, { message: "$property must be one of the district's unit codes" })
  @FitsLocation('unit')
  unit?: string;
  @IsOptional()
  @IsIn(GRID_CODES, { message: "$property must be one of the district's grid codes" })
  @FitsLocation('grid')
  grid?: string;
  /** Where, in the resident's words, when no code fits ("南江北路 12 号对面"): free text. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  @Matches(WITHOUT_NUL, NUL_MESSAGE)
  address?: string;
  /** WGS-84 position, when the channel has one (Open311 clients usually do). */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) latitude?: number;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) longitude?: number;
  /** The category the channel already knows (an Open311 `service_code`); routing uses it when present. */
  @IsOptional() @IsIn(CATEGORY_CODES, { message: '$property must be one of the category codes' }) category?: string;
  /** Who sent it, when the channel knows: intake stores it encrypted and passes it on in no event. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ReporterV1) reporter?: ReporterV1;
}

/** The Kafka key of a channel message, `<channel>:<channelMessageId>`: one message's resends share a partition. */
export function channelMessageKey(message: Pick<ChannelMessageReceivedV1, 'channel' | 'channelMessageId'>): string {
  return `${message.channel}:${message.channelMessageId}`;
}
