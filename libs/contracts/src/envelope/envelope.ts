import { isISO8601 } from 'class-validator';

/**
 * The envelope every message carries, in Kafka headers; the message value is the payload alone.
 * Header names are part of the public contract (docs/asyncapi.yaml, components.messageTraits.envelope).
 */
export interface EventEnvelope {
  /** UUID v7: unique per event, time-ordered; consumers deduplicate on it. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** ISO-8601 instant at which the fact happened, by the producer's clock. */
  readonly occurredAt: string;
  /** The service (or external system) that produced the event. */
  readonly producer: string;
  readonly petitionId?: string;
  /** The whole story: the petition's first event id, carried by every later event about it. */
  readonly correlationId: string;
  /** The event that caused this one, when there is one. */
  readonly causationId?: string;
}

export const EnvelopeHeader = {
  eventId: 'event-id',
  type: 'event-type',
  schemaVersion: 'schema-version',
  occurredAt: 'occurred-at',
  producer: 'producer',
  petitionId: 'petition-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

export type HeaderValues = Record<string, string>;

export function envelopeToHeaders(envelope: EventEnvelope): HeaderValues {
  const headers: HeaderValues = {
    [EnvelopeHeader.eventId]: envelope.eventId,
    [EnvelopeHeader.type]: envelope.type,
    [EnvelopeHeader.schemaVersion]: String(envelope.schemaVersion),
    [EnvelopeHeader.occurredAt]: envelope.occurredAt,
    [EnvelopeHeader.producer]: envelope.producer,
    [EnvelopeHeader.correlationId]: envelope.correlationId,
  };
  if (envelope.petitionId !== undefined) headers[EnvelopeHeader.petitionId] = envelope.petitionId;
  if (envelope.causationId !== undefined) headers[EnvelopeHeader.causationId] = envelope.causationId;
  return headers;
}

export class EnvelopeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid envelope: ${problems.join('; ')}`);
    this.name = 'EnvelopeError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Reads and checks the envelope from decoded header strings; throws EnvelopeError naming every bad header. */
export function envelopeFromHeaders(headers: Readonly<Record<string, string | undefined>>): EventEnvelope {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = headers[name];
    if (value === undefined || value === '') problems.push(`header "${name}" is missing`);
    return value ?? '';
  };
  const eventId = required(EnvelopeHeader.eventId);
  const type = required(EnvelopeHeader.type);
  const versionText = required(EnvelopeHeader.schemaVersion);
  const occurredAt = required(EnvelopeHeader.occurredAt);
  const producer = required(EnvelopeHeader.producer);
  const correlationId = required(EnvelopeHeader.correlationId);
  const petitionId = headers[EnvelopeHeader.petitionId];
  const causationId = headers[EnvelopeHeader.causationId];

  if (eventId && !UUID.test(eventId)) problems.push(`header "${EnvelopeHeader.eventId}" is not a UUID`);
  const schemaVersion = Number(versionText);
  if (versionText && !(Number.isInteger(schemaVersion) && schemaVersion >= 1)) {
    problems.push(`header "${EnvelopeHeader.schemaVersion}" is not a positive integer`);
  }
  // The pattern demands a time and a zone; isISO8601 strict rejects impossible dates (30 February), which Date.parse rolls over.
  if (occurredAt && (!ISO_INSTANT.test(occurredAt) || !isISO8601(occurredAt, { strict: true }))) {
    problems.push(`header "${EnvelopeHeader.occurredAt}" is not an ISO-8601 instant`);
  }
  if (problems.length > 0) throw new EnvelopeError(problems);
  return {
    eventId,
    type,
    schemaVersion,
    occurredAt,
    producer,
    correlationId,
    ...(petitionId ? { petitionId } : {}),
    ...(causationId ? { causationId } : {}),
  };
}
