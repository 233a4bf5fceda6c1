import {
  currentVersionOf,
  newEventId,
  topicPatternOf,
  type EventEnvelope,
  type EventPayloads,
  type EventType,
} from '@petitions/contracts';
import type { Clock } from '@petitions/platform';
import type { PendingEvent } from './pending-event';

export interface EventOptions {
  /** Kafka key: the petition id wherever a petition is concerned, so its events stay in order. */
  key: string;
  petitionId?: string;
  /** The event this one answers to: gives the causation id and carries the correlation id on. */
  cause?: Pick<EventEnvelope, 'eventId' | 'correlationId' | 'petitionId'>;
  /** Required for types whose topic is a pattern (work orders: `dept.{departmentCode}.assignments`). */
  topic?: string;
  /** A fixed event id, for effects that must be emitted at most once (the outbox's unique key enforces it). */
  eventId?: string;
}

/** Builds envelopes: one producer name, one clock, the catalogue's current schema version. */
export class EventFactory {
  constructor(
    private readonly producer: string,
    private readonly clock: Clock,
  ) {}

  create<T extends EventType>(type: T, payload: EventPayloads[T], options: EventOptions): PendingEvent<T> {
    const pattern = topicPatternOf(type);
    const topic = options.topic ?? pattern;
    if (topic.includes('{')) throw new Error(`event ${type} needs an explicit topic for pattern ${pattern}`);
    const eventId = options.eventId ?? newEventId();
    const petitionId = options.petitionId ?? options.cause?.petitionId;
    const envelope: EventEnvelope = {
      eventId,
      type,
      schemaVersion: currentVersionOf(type),
      occurredAt: this.clock.now().toISOString(),
      producer: this.producer,
      correlationId: options.cause?.correlationId ?? eventId,
      ...(petitionId !== undefined ? { petitionId } : {}),
      ...(options.cause ? { causationId: options.cause.eventId } : {}),
    };
    return { topic, key: options.key, envelope, payload };
  }
}
