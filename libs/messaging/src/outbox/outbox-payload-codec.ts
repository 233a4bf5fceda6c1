/**
 * How an event's payload is kept in the outbox table, and how it is turned back into the JSON that is published.
 * Without one, the table holds the JSON itself. A service whose events carry personal data (intake's replies, which
 * name the resident they go to) seals those payloads at rest and opens them only as the relay publishes them.
 */
export interface OutboxPayloadCodec {
  /** The text to store for a payload's JSON. */
  seal(eventType: string, json: string): string;
  /** The JSON to publish from the stored text. */
  open(eventType: string, stored: string): string;
}
