import { timingSafeEqual } from 'node:crypto';
import {
  CHANNEL_SIGNATURE_PREFIX,
  CHANNEL_SIGNATURE_WINDOW_SECONDS,
  ChannelSignatureHeader,
  channelSignatureDigest,
} from '@petitions/contracts';
import type { ChannelCredential } from './channel-credentials';

/** What a signed request carries: the three headers as received (absent ones undefined) and the raw body bytes. */
export interface SignedChannelRequest {
  readonly keyId: string | undefined;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: Uint8Array;
}

export type RejectionReason =
  | 'missing-headers'
  | 'malformed-timestamp'
  | 'outside-window'
  | 'malformed-signature'
  | 'unknown-key'
  | 'retired-key'
  | 'wrong-signature';

export type Authentication =
  | { readonly ok: true; readonly credential: ChannelCredential }
  | { readonly ok: false; readonly reason: RejectionReason; readonly message: string };

export type ChannelAuthorization = { readonly ok: true } | { readonly ok: false; readonly message: string };

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = new RegExp(`^${CHANNEL_SIGNATURE_PREFIX}([0-9a-fA-F]*)$`);
const DIGEST_BYTES = 32;

// What the caller is told. An unknown and a retired key read the same, so that keys cannot be probed; intake's
// log says which.
const MESSAGES: Record<RejectionReason, string> = {
  'missing-headers': `${ChannelSignatureHeader.keyId}, ${ChannelSignatureHeader.timestamp} and ${ChannelSignatureHeader.signature} are required`,
  'malformed-timestamp': `${ChannelSignatureHeader.timestamp} must be unix time in whole seconds`,
  'outside-window': `${ChannelSignatureHeader.timestamp} is more than ${CHANNEL_SIGNATURE_WINDOW_SECONDS} s from intake's clock`,
  'malformed-signature': `${ChannelSignatureHeader.signature} must be ${CHANNEL_SIGNATURE_PREFIX}<64 hex digits>`,
  'unknown-key': `${ChannelSignatureHeader.keyId} is unknown or retired`,
  'retired-key': `${ChannelSignatureHeader.keyId} is unknown or retired`,
  'wrong-signature': `${ChannelSignatureHeader.signature} does not match the body`,
};

function rejected(reason: RejectionReason): Authentication {
  return { ok: false, reason, message: MESSAGES[reason] };
}

/**
 * Authenticates a channel's request: the key is known and active, the timestamp within ±300 s of `now`
 * (inclusive), and the signature is HMAC-SHA256 with the key's secret over `<timestamp>.<body>`, compared in
 * constant time. Pure: the clock's reading and the key lookup are passed in.
 */
export function authenticateChannelRequest(
  request: SignedChannelRequest,
  context: { readonly now: Date; readonly findKey: (keyId: string) => ChannelCredential | undefined },
): Authentication {
  const { keyId, timestamp, signature, body } = request;
  if (!keyId || !timestamp || !signature) return rejected('missing-headers');
  if (!TIMESTAMP.test(timestamp)) return rejected('malformed-timestamp');
  const skewMs = Math.abs(context.now.getTime() - Number(timestamp) * 1000);
  if (skewMs > CHANNEL_SIGNATURE_WINDOW_SECONDS * 1000) return rejected('outside-window');
  const hex = SIGNATURE.exec(signature)?.[1];
  if (hex === undefined || hex.length !== DIGEST_BYTES * 2) return rejected('malformed-signature');
  const credential = context.findKey(keyId);
  if (!credential) return rejected('unknown-key');
  if (credential.status !== 'active') return rejected('retired-key');
  const expected = channelSignatureDigest(credential.secret, timestamp, body);
  const given = Buffer.from(hex, 'hex');
  // timingSafeEqual throws on a length difference: checked above, and again here so that it can never be a 500.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return rejected('wrong-signature');
  return { ok: true, credential };
}

/** A key speaks for one channel only: the petition's `channel` must be the key's. */
export function authorizeChannel(credential: ChannelCredential, channel: string): ChannelAuthorization {
  if (credential.channel === channel) return { ok: true };
  return {
    ok: false,
    message: `key ${credential.keyId} may submit petitions of channel ${credential.channel} only, not ${channel}`,
  };
}
