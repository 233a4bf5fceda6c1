import { createHmac } from 'node:crypto';

/**
 * How a channel signs a request to intake's channel API (`POST /petitions`): HMAC-SHA256, with the channel key's
 * secret, over `<timestamp>.<raw body bytes>`, sent as three headers. Intake checks the exact bytes it received, so
 * the body must be sent byte for byte as it was signed. Pure (node:crypto only): for the simulator, the tests and
 * external integrators alike.
 */
export const ChannelSignatureHeader = {
  keyId: 'X-Channel-Key',
  timestamp: 'X-Timestamp',
  signature: 'X-Signature',
} as const;

export const CHANNEL_SIGNATURE_PREFIX = 'sha256=';

/** Intake accepts a request whose timestamp is at most this far from its own clock, either way (inclusive). */
export const CHANNEL_SIGNATURE_WINDOW_SECONDS = 300;

// Unix seconds stay below this until the year 5138; a larger number is almost certainly milliseconds.
const MAX_UNIX_SECONDS = 99_999_999_999;

export interface ChannelSigningInput {
  keyId: string;
  secret: string;
  /** The exact body that will be sent: a string is signed as its UTF-8 bytes. */
  body: string | Uint8Array;
  /** Unix time in whole seconds (not milliseconds). */
  timestamp: number;
}

export interface ChannelSignatureHeaders {
  'X-Channel-Key': string;
  'X-Timestamp': string;
  'X-Signature': string;
}

/** The HMAC-SHA256 digest over `<timestamp>.<body>`; `timestamp` exactly as it is sent in `X-Timestamp`. */
export function channelSignatureDigest(secret: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The three headers that authenticate one request body as coming from the channel that holds `keyId`. */
export function signChannelRequest({ keyId, secret, body, timestamp }: ChannelSigningInput): ChannelSignatureHeaders {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0 || timestamp > MAX_UNIX_SECONDS) {
    throw new RangeError(`timestamp must be whole unix seconds (got ${timestamp})`);
  }
  const stamp = String(timestamp);
  return {
    [ChannelSignatureHeader.keyId]: keyId,
    [ChannelSignatureHeader.timestamp]: stamp,
    [ChannelSignatureHeader.signature]:
      CHANNEL_SIGNATURE_PREFIX + channelSignatureDigest(secret, stamp, body).toString('hex'),
  };
}

/** Unix seconds of an instant, as `signChannelRequest` wants them. */
export function unixSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}
