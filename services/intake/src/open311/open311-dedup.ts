import { createHash } from 'node:crypto';

/**
 * The channel message id an Open311 request is stored under: `(channel, channelMessageId)` is what makes a
 * submission idempotent, and Open311 has no message id of its own.
 *
 * - With the client's own id (`attribute[fixmystreet_id]`, which FixMyStreet fills in): `open311:<keyId>:id:<id>`.
 *   The same id from the same key is the same request, whenever it comes.
 * - Without one: `open311:<keyId>:sha256:<digest of the request>:<UTC day>`. The same request from the same key
 *   (every parameter equal, the API key and jurisdiction aside) within 24 hours is a retry and gets the same
 *   answer; the caller also looks at the previous day's id (a retry just after midnight). Later, the same words are
 *   a new request: a repeated report of a matter that was closed must not vanish into the old one.
 *
 * Keys are named by keyId, so two clients filing as one channel never share ids; a retry across a key rotation
 * (a new keyId) is a new request.
 */

export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Parameters that say who is asking, not what: left out of the request's digest. */
const NOT_CONTENT = new Set(['api_key', 'jurisdiction_id']);

export function clientChannelMessageId(keyId: string, clientId: string): string {
  return `open311:${keyId}:id:${clientId}`;
}

/** The digest of what a request says: every parameter but the key's, in a canonical order. */
export function requestDigest(params: Readonly<Record<string, string>>): string {
  const content = Object.entries(params)
    .filter(([name]) => !NOT_CONTENT.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');
}

export interface ContentChannelMessageIds {
  /** The id this request is stored under when it is new. */
  readonly current: string;
  /** The id the same request got if it came the day before (it is a retry if that was within RETRY_WINDOW_MS). */
  readonly previous: string;
}

export function contentChannelMessageIds(
  keyId: string,
  params: Readonly<Record<string, string>>,
  now: Date,
): ContentChannelMessageIds {
  const digest = requestDigest(params);
  const day = Math.floor(now.getTime() / RETRY_WINDOW_MS);
  const id = (d: number): string => `open311:${keyId}:sha256:${digest}:${d}`;
  return { current: id(day), previous: id(day - 1) };
}
