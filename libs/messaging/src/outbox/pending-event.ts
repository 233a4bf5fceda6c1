import type { EventEnvelope, EventPayloads, EventType } from '@petitions/contracts';

/** An event built but not yet stored: where it goes, under which key, with which envelope and payload. */
export interface PendingEvent<T extends EventType = EventType> {
  readonly topic: string;
  readonly key: string;
  readonly envelope: EventEnvelope;
  readonly payload: EventPayloads[T];
}
