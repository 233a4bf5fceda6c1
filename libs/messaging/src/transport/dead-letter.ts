import { deadLetterTopic } from '@petitions/contracts';
import type { OutgoingMessage } from '../kafka/message-publisher';

export const DeadLetterHeader = {
  reason: 'dlq-reason',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface DeadLetterFacts {
  reason: string;
  attempts: number;
  consumerGroup: string;
  failedAt: Date;
}

/** The dead letter for a message: same key, the original bytes and headers, and why it was parked. */
export function deadLetterFor(message: ReceivedMessage, facts: DeadLetterFacts): OutgoingMessage {
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    value: message.value ?? Buffer.alloc(0),
    headers: {
      ...message.headers,
      [DeadLetterHeader.reason]: facts.reason,
      [DeadLetterHeader.attempts]: String(facts.attempts),
      [DeadLetterHeader.originalTopic]: message.topic,
      [DeadLetterHeader.originalPartition]: String(message.partition),
      [DeadLetterHeader.originalOffset]: message.offset,
      [DeadLetterHeader.consumerGroup]: facts.consumerGroup,
      [DeadLetterHeader.failedAt]: facts.failedAt.toISOString(),
    },
  };
}
