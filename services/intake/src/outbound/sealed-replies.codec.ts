import type { EventType } from '@petitions/contracts';
import type { OutboxPayloadCodec } from '@petitions/messaging';
import type { PiiCipher } from '../reporters/pii-cipher';

/** Intake's events that carry personal data: a reply names the resident it goes to. */
const SEALED_TYPES: ReadonlySet<string> = new Set<EventType>(['channel.reply-requested']);

/**
 * Intake's outbox keeps replies sealed (AES-256-GCM under INTAKE_PII_KEYS, like the reporter's columns), because
 * outbox rows stay in the table after they are sent; the relay opens them as it publishes to `channel.outbound`.
 * Every other event is stored as its JSON.
 */
export function sealedRepliesCodec(cipher: PiiCipher): OutboxPayloadCodec {
  return {
    seal: (eventType, json) => (SEALED_TYPES.has(eventType) ? cipher.encrypt(json) : json),
    open: (eventType, stored) => (SEALED_TYPES.has(eventType) ? cipher.decrypt(stored) : stored),
  };
}
