import { GRID_CODES, TOWN_CODES, townOfUnit, UNIT_CODES, unitOfGrid } from '@petitions/district';
import { plainToInstance } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, validateSync } from 'class-validator';
import type { FieldProblems } from '../http/intake-http.error';
import { fieldProblemsOf } from '@petitions/contracts';
import { SubmitPetitionDto } from '../petitions/submit-petition.dto';
import { CLIENT_ID_ATTRIBUTE, CLIENT_ID_MAX_LENGTH } from './open311-catalogue';
import { clientChannelMessageId, contentChannelMessageIds } from './open311-dedup';
import type { Open311Key } from './open311-keys';

const DECIMAL = /^[+-]?\d{1,3}(?:\.\d{1,15})?$/;
const ADDRESS_IDS = [...TOWN_CODES, ...UNIT_CODES, ...GRID_CODES];
const ATTRIBUTE = /^attribute\[(.+)\]$/;

/**
 * The parameters of GeoReport v2's POST Service Request, as a form (`application/x-www-form-urlencoded`). Their
 * shape is checked here; what they become (the text, the category, the place, the reporter) is then checked by the
 * very rules of `POST /petitions` (SubmitPetitionDto), so both doors admit the same petitions.
 */
export class Open311RequestForm {
  /** Checked by Open311ApiKeyGuard before this; listed so that it is not an unknown parameter. */
  @IsString() api_key!: string;
  /** One jurisdiction is served: accepted and ignored. */
  @IsOptional() @IsString() jurisdiction_id?: string;
  @IsString() service_code!: string;
  @IsOptional() @Matches(DECIMAL, { message: '$property must be a decimal number of degrees (WGS-84)' }) lat?: string;
  @IsOptional() @Matches(DECIMAL, { message: '$property must be a decimal number of degrees (WGS-84)' }) long?: string;
  @IsOptional() @IsString() address_string?: string;
  @IsOptional()
  @IsIn(ADDRESS_IDS, { message: "$property must be one of the district's town, unit or grid codes" })
  address_id?: string;
  @IsOptional() @IsEmail({}, { message: '$property must be an email address' }) @MaxLength(100) email?: string;
  @IsOptional() @IsString() @Length(1, 100) device_id?: string;
  @IsOptional() @IsString() @Length(1, 100) account_id?: string;
  @IsOptional() @IsString() first_name?: string;
  @IsOptional() @IsString() last_name?: string;
  @IsOptional() @IsString() phone?: string;
  @IsString() description!: string;
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) URL' })
  @MaxLength(2000)
  media_url?: string;
}

/** Where each field of the petition came from, for problems in Open311's words. */
const SOURCE_OF_FIELD: Readonly<Record<string, { param: string; label?: string }>> = {
  text: { param: 'description' },
  category: { param: 'service_code' },
  latitude: { param: 'lat' },
  longitude: { param: 'long' },
  address: { param: 'address_string' },
  town: { param: 'address_id' },
  unit: { param: 'address_id' },
  grid: { param: 'address_id' },
  channelMessageId: { param: `attribute[${CLIENT_ID_ATTRIBUTE}]` },
  'reporter.name': { param: 'first_name', label: 'first_name and last_name together' },
  'reporter.phone': { param: 'phone' },
};

/** A validated Open311 request: the petition to submit, and what only Open311 has. */
export interface Open311Submission {
  /** Stored under the channel message id that makes a retry the same request (open311-dedup.ts). */
  readonly petition: SubmitPetitionDto;
  /** Without a client id: the id the same request got the day before, which is a retry if within 24 hours. */
  readonly previousChannelMessageId: string | undefined;
  readonly mediaUrl: string | null;
}

function problem(field: string, text: string): FieldProblems {
  return { field, problems: [text] };
}

/** Single string values only: a parameter given twice is refused rather than one of its values picked. */
function singleValues(body: Readonly<Record<string, unknown>>): {
  params: Record<string, string>;
  problems: FieldProblems[];
} {
  const params: Record<string, string> = {};
  const problems: FieldProblems[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') params[name] = value;
    else problems.push(problem(name, `${name} must be given once, as text`));
  }
  return { params, problems };
}

function locationProblems(form: Open311RequestForm): FieldProblems[] {
  const problems: FieldProblems[] = [];
  if ((form.lat === undefined) !== (form.long === undefined)) {
    problems.push(problem(form.lat === undefined ? 'lat' : 'long', 'lat and long must be given together'));
  }
  if (form.lat === undefined && form.address_string === undefined && form.address_id === undefined) {
    problems.push(problem('lat', 'a location is required: lat and long, address_string or address_id'));
  }
  return problems;
}

/** The district location an `address_id` names: a grid with its unit and town, a unit with its town, or a town. */
function placeOf(addressId: string | undefined): { town?: string; unit?: string; grid?: string } {
  if (addressId === undefined) return {};
  const unit = GRID_CODES.includes(addressId) ? unitOfGrid(addressId)?.code : addressId;
  const grid = GRID_CODES.includes(addressId) ? addressId : undefined;
  if (unit !== undefined && UNIT_CODES.includes(unit)) {
    return { town: townOfUnit(unit)?.code, unit, ...(grid ? { grid } : {}) };
  }
  return { town: addressId };
}

function reporterOf(form: Open311RequestForm): Record<string, string> | undefined {
  const name = [form.first_name, form.last_name]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  // The handle is how the client reaches the resident: their email, else their account or device.
  const handle = form.email ?? form.account_id ?? form.device_id;
  const reporter = {
    ...(name ? { name } : {}),
    ...(form.phone !== undefined ? { phone: form.phone } : {}),
    ...(handle !== undefined ? { handle } : {}),
  };
  return Object.keys(reporter).length > 0 ? reporter : undefined;
}

/** A problem of the petition's field, in the words of the Open311 parameter it came from. */
function inOpen311Terms(form: Open311RequestForm, fields: readonly FieldProblems[]): FieldProblems[] {
  const handleParam = form.email !== undefined ? 'email' : form.account_id !== undefined ? 'account_id' : 'device_id';
  return fields.map(({ field, problems }) => {
    const source = field === 'reporter.handle' ? { param: handleParam } : SOURCE_OF_FIELD[field];
    if (!source) return { field, problems };
    const property = field.slice(field.lastIndexOf('.') + 1);
    const label = source.label ?? source.param;
    return {
      field: source.param,
      problems: problems.map((text) =>
        text.startsWith(`${property} `) ? `${label} ${text.slice(property.length + 1)}` : text,
      ),
    };
  });
}

function petitionOf(form: Open311RequestForm, channel: string, channelMessageId: string): object {
  const reporter = reporterOf(form);
  return {
    channel,
    channelMessageId,
    text: form.description,
    category: form.service_code,
    ...(form.lat !== undefined ? { latitude: Number(form.lat) } : {}),
    ...(form.long !== undefined ? { longitude: Number(form.long) } : {}),
    ...(form.address_string !== undefined ? { address: form.address_string } : {}),
    ...placeOf(form.address_id),
    ...(reporter ? { reporter } : {}),
  };
}

function clientIdOf(attributes: Readonly<Record<string, string>>): {
  clientId: string | undefined;
  problems: FieldProblems[];
} {
  const clientId = attributes[CLIENT_ID_ATTRIBUTE];
  const field = `attribute[${CLIENT_ID_ATTRIBUTE}]`;
  if (clientId === undefined) return { clientId, problems: [] };
  const ok = clientId.length >= 1 && clientId.length <= CLIENT_ID_MAX_LENGTH && !clientId.includes('\u0000');
  return {
    clientId,
    problems: ok ? [] : [problem(field, `${field} must be 1-${CLIENT_ID_MAX_LENGTH} characters, without NUL`)],
  };
}

/** The channel message ids of a request (open311-dedup.ts): by the client's id when it sent one. */
function channelMessageIdsOf(
  key: Open311Key,
  params: Readonly<Record<string, string>>,
  clientId: string | undefined,
  now: Date,
): { current: string; previous: string | undefined } {
  if (clientId !== undefined) return { current: clientChannelMessageId(key.keyId, clientId), previous: undefined };
  return contentChannelMessageIds(key.keyId, params, now);
}

/**
 * Reads a POST Service Request form sent with `key`, at `now`. Attributes the service definition does not declare
 * are ignored (a client may send its own, as FixMyStreet does); any other unknown parameter is a problem.
 */
export function readOpen311Request(
  body: Readonly<Record<string, unknown>>,
  key: Open311Key,
  now: Date,
): { ok: true; submission: Open311Submission } | { ok: false; problems: FieldProblems[] } {
  const { params, problems } = singleValues(body);
  const attributes: Record<string, string> = {};
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const attribute = ATTRIBUTE.exec(name)?.[1];
    if (attribute !== undefined) attributes[attribute] = value;
    else plain[name] = value;
  }
  const form = plainToInstance(Open311RequestForm, plain);
  const client = clientIdOf(attributes);
  const givenTwice = new Set(problems.map((entry) => entry.field));
  problems.push(
    ...fieldProblemsOf(validateSync(form, { whitelist: true, forbidNonWhitelisted: true })).filter(
      (entry) => !givenTwice.has(entry.field),
    ),
    ...locationProblems(form),
    ...client.problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  const ids = channelMessageIdsOf(key, params, client.clientId, now);
  const petition = plainToInstance(SubmitPetitionDto, petitionOf(form, key.channel, ids.current));
  const errors = validateSync(petition, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { ok: false, problems: inOpen311Terms(form, fieldProblemsOf(errors)) };
  return {
    ok: true,
    submission: { petition, previousChannelMessageId: ids.previous, mediaUrl: form.media_url ?? null },
  };
}
