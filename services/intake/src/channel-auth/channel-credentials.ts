import { DEMO_CHANNEL_SECRET, demoChannelCredential } from '@petitions/contracts';
import { CHANNEL_CODES } from '@petitions/district';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/** One channel's key for signing its requests to `POST /petitions`; a channel has at most two active at a time. */
export interface ChannelCredential {
  readonly keyId: string;
  readonly channel: string;
  readonly secret: string;
  /** `retired`: kept to say "retired" in intake's log rather than "unknown"; never accepted. */
  readonly status: 'active' | 'retired';
}

export const MIN_SECRET_LENGTH = 32;
export const MAX_ACTIVE_KEYS_PER_CHANNEL = 2;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const FIELDS = new Set(['keyId', 'channel', 'secret', 'status']);

export type CredentialsParse =
  | { readonly ok: true; readonly credentials: readonly ChannelCredential[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The default of INTAKE_CHANNEL_CREDENTIALS: every channel's demo key (development only; intake warns at start). */
export function demoCredentialsJson(channels: readonly string[] = CHANNEL_CODES): string {
  return JSON.stringify(channels.map(demoChannelCredential));
}

export function isDemoCredential(credential: ChannelCredential): boolean {
  return credential.secret === DEMO_CHANNEL_SECRET;
}

function problemsOfEntry(entry: unknown, index: number, channels: readonly string[]): string[] {
  const at = `entry ${index}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [`${at}: must be an object`];
  const { keyId, channel, secret, status } = entry as Record<string, unknown>;
  const named = typeof keyId === 'string' && KEY_ID.test(keyId) ? `${at} (keyId "${keyId}")` : at;
  // Never quote the secret, nor anything else an operator might have pasted a secret into by mistake.
  const problems = Object.keys(entry)
    .filter((field) => !FIELDS.has(field))
    .map((field) => `${named}: unknown field${/^\w{1,64}$/.test(field) ? ` "${field}"` : ''}`);
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) {
    problems.push(`${at}: keyId must be 1-64 letters, digits, ".", "_" or "-"`);
  }
  if (typeof channel !== 'string' || !channels.includes(channel)) {
    problems.push(`${named}: unknown channel code (must be one of ${channels.join(', ')})`);
  }
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    problems.push(`${named}: secret must be a string of at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (status !== 'active' && status !== 'retired') problems.push(`${named}: status must be "active" or "retired"`);
  return problems;
}

function problemsAcross(credentials: readonly ChannelCredential[], maxActivePerChannel: number): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { keyId } of credentials) {
    if (seen.has(keyId)) problems.push(`duplicate keyId "${keyId}"`);
    seen.add(keyId);
  }
  const active = new Map<string, string[]>();
  for (const { channel, keyId, status } of credentials) {
    if (status === 'active') active.set(channel, [...(active.get(channel) ?? []), keyId]);
  }
  for (const [channel, keyIds] of active) {
    if (keyIds.length > maxActivePerChannel) {
      problems.push(
        `channel ${channel} has ${keyIds.length} active keys (${keyIds.join(', ')}); at most ` +
          `${maxActivePerChannel}, the old and the new one during a rotation`,
      );
    }
  }
  return [...new Set(problems)];
}

/**
 * Reads INTAKE_CHANNEL_CREDENTIALS: a JSON array of `{keyId, channel, secret, status}`. Problems never quote a
 * secret (nor the JSON parser's message, which quotes the input). Open311 API keys (INTAKE_OPEN311_KEYS) have the
 * same shape, without the limit of active keys per channel (several civic apps may file as one channel).
 */
export function parseChannelCredentials(
  raw: string,
  channels: readonly string[] = CHANNEL_CODES,
  maxActivePerChannel: number = MAX_ACTIVE_KEYS_PER_CHANNEL,
): CredentialsParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['must be a JSON array of {keyId, channel, secret, status} (not valid JSON)'] };
  }
  if (!Array.isArray(parsed)) {
    return { ok: false, problems: ['must be a JSON array of {keyId, channel, secret, status}'] };
  }
  if (parsed.length === 0) return { ok: false, problems: ['must list at least one credential'] };
  const entryProblems = parsed.flatMap((entry: unknown, index) => problemsOfEntry(entry, index, channels));
  if (entryProblems.length > 0) return { ok: false, problems: entryProblems };
  const credentials = parsed as ChannelCredential[];
  const problems = problemsAcross(credentials, maxActivePerChannel);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, credentials };
}

function problemsOfValue(value: unknown, maxActivePerChannel: number): readonly string[] {
  if (typeof value !== 'string') return ['must be a JSON array of {keyId, channel, secret, status}'];
  const result = parseChannelCredentials(value, CHANNEL_CODES, maxActivePerChannel);
  return result.ok ? [] : result.problems;
}

/** Validates the configuration variable at boot; the message lists every problem, never a secret. */
export function IsChannelCredentials(maxActivePerChannel: number = MAX_ACTIVE_KEYS_PER_CHANNEL): PropertyDecorator {
  const problems = (value: unknown): readonly string[] => problemsOfValue(value, maxActivePerChannel);
  return ValidateBy({
    name: 'isChannelCredentials',
    validator: {
      validate: (value: unknown) => problems(value).length === 0,
      // class-validator expands $value in a message: no "$" may reach it (keyIds cannot hold one; be sure anyway).
      defaultMessage: (args?: ValidationArguments) => problems(args?.value).join('; ').replaceAll('$', '＄'),
    },
  });
}
