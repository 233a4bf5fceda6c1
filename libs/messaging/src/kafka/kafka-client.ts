import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
import { Logger } from '@nestjs/common';
import type { KafkaSettings } from './kafka-settings';

const logger = new Logger('kafkajs');

function kafkaLog(entry: LogEntry): void {
  const { message, ...extra } = entry.log;
  const text = `${entry.namespace}: ${message} ${JSON.stringify(extra)}`;
  if (entry.level <= logLevel.ERROR) logger.error(text);
  else logger.warn(text);
}

/** The one place that constructs a kafkajs client (the port's only adapter). */
export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: () => kafkaLog,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/**
 * Idempotent producer, acks from all in-sync replicas, one request in flight: no duplicates from retries and the
 * order of messages per partition is the order they were sent in.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  // DefaultPartitioner is murmur2, as in the Java client and librdkafka's consistent_random: same key, same partition.
  return kafka.producer({
    idempotent: true,
    // The idempotent producer must not give up on its own (kafkajs warns that capped retries break its guarantee);
    // the relay and the transport decide what to do while Kafka is away.
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5000 },
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
