import type { Kafka, Producer } from 'kafkajs';
import { createIdempotentProducer } from './kafka-client';

export interface OutgoingMessage {
  topic: string;
  /** Null only for a dead letter whose original had no key (its bytes are kept as they were). */
  key: string | Buffer | null;
  value: string | Buffer;
  headers: Record<string, string>;
}

/** Port: publishes messages durably (acks=all) and in the given order per key. */
export interface MessagePublisher {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
}

export class KafkaMessagePublisher implements MessagePublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    this.producer = createIdempotentProducer(kafka);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    this.connected ??= this.producer.connect();
    await this.connected;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
