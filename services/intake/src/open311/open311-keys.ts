import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DEMO_OPEN311_API_KEY, DEMO_OPEN311_CHANNEL, DEMO_OPEN311_KEY_ID } from '@petitions/contracts';
import { CHANNEL_CODES } from '@petitions/district';
import {
  type ChannelCredential,
  IsChannelCredentials,
  parseChannelCredentials,
} from '../channel-auth/channel-credentials';

/**
 * An Open311 client's API key: the channel credential's shape (`{keyId, channel, secret, status}`), where `secret`
 * is the `api_key` the client sends and `channel` the district channel its requests are filed as (e.g. `app`).
 * Any number of clients may file as one channel, so there is no limit of active keys per channel.
 */
export type Open311Key = ChannelCredential;

/** The default of INTAKE_OPEN311_KEYS: the public demo key (development only; intake warns at start). */
export function demoOpen311KeysJson(): string {
  const demo: Open311Key = {
    keyId: DEMO_OPEN311_KEY_ID,
    channel: DEMO_OPEN311_CHANNEL,
    secret: DEMO_OPEN311_API_KEY,
    status: 'active',
  };
  return JSON.stringify([demo]);
}

/** Validates INTAKE_OPEN311_KEYS at boot; the message lists every problem, never a key. */
export function IsOpen311Keys(): PropertyDecorator {
  return IsChannelCredentials(Number.POSITIVE_INFINITY);
}

function digestOf(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

export type Open311KeyLookup =
  | { readonly ok: true; readonly key: Open311Key }
  | { readonly ok: false; readonly reason: 'missing' | 'unknown' | 'retired' };

/**
 * The Open311 clients' API keys, found by the key a request presents. Looked up by its SHA-256 digest, so no
 * comparison of the secret itself runs in time that depends on how much of it a guess got right.
 */
export class Open311Keyring {
  private readonly byDigest: ReadonlyMap<string, Open311Key>;

  constructor(keys: readonly Open311Key[]) {
    this.byDigest = new Map(keys.map((key) => [digestOf(key.secret), key]));
  }

  /** Warns once when the public demo key is active: anyone can file requests with it. */
  static fromConfig(json: string, logger: Pick<Logger, 'warn'> = new Logger(Open311Keyring.name)): Open311Keyring {
    const parsed = parseChannelCredentials(json, CHANNEL_CODES, Number.POSITIVE_INFINITY);
    // loadConfig has validated the variable already; this is only reached by a caller that skipped it.
    if (!parsed.ok) throw new Error(`INTAKE_OPEN311_KEYS: ${parsed.problems.join('; ')}`);
    const demo = parsed.credentials.filter((key) => key.status === 'active' && key.secret === DEMO_OPEN311_API_KEY);
    if (demo.length > 0) {
      logger.warn(
        `INTAKE_OPEN311_KEYS: the demo API key is in use (${demo.map((key) => key.keyId).join(', ')}); it is ` +
          'published, so anyone can file Open311 requests with it. Development only: set your own.',
      );
    }
    return new Open311Keyring(parsed.credentials);
  }

  lookUp(apiKey: unknown): Open311KeyLookup {
    if (typeof apiKey !== 'string' || apiKey === '') return { ok: false, reason: 'missing' };
    const key = this.byDigest.get(digestOf(apiKey));
    if (!key) return { ok: false, reason: 'unknown' };
    return key.status === 'active' ? { ok: true, key } : { ok: false, reason: 'retired' };
  }
}
