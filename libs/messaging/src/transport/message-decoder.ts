import {
  decodePayload,
  envelopeFromHeaders,
  eventTypesOnTopic,
  isEventType,
  PayloadDecodeError,
  type EventEnvelope,
  type EventPayloads,
  type EventType,
} from '@petitions/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ReceivedMessage } from './dead-letter';

export interface DecodedMessage {
  readonly envelope: EventEnvelope & { readonly type: EventType };
  readonly payload: EventPayloads[EventType];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) result[name] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return result;
}

export function toReceived(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: headersToStrings(message.headers),
  };
}

/**
 * Envelope from headers (its type must be one of the topic's), payload from the value; throws EnvelopeError or
 * PayloadDecodeError naming the problems.
 */
export function decodeMessage(message: ReceivedMessage): DecodedMessage {
  const envelope = envelopeFromHeaders(message.headers);
  // A known type on a topic that does not carry it would otherwise be skipped as "no handler here", i.e. lost.
  if (isEventType(envelope.type) && !eventTypesOnTopic(message.topic).includes(envelope.type)) {
    throw new PayloadDecodeError('unknown-type', [
      `event type "${envelope.type}" does not travel on ${message.topic} (see the catalogue)`,
    ]);
  }
  if (message.value === null) throw new PayloadDecodeError('malformed-json', ['message has no value']);
  let text: string;
  try {
    text = utf8.decode(message.value);
  } catch {
    throw new PayloadDecodeError('malformed-json', ['value is not valid UTF-8']);
  }
  const payload = decodePayload(envelope.type, envelope.schemaVersion, text);
  return { envelope: envelope as DecodedMessage['envelope'], payload };
}
