import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isEventType, topicPatternOf } from '@petitions/contracts';
import type { UnitOfWork } from '@petitions/platform';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { Inbox } from '../inbox/inbox';
import type { MessagePublisher } from '../kafka/message-publisher';
import { ensureTopics } from '../kafka/topic-admin';
import { deadLetterFor, type ReceivedMessage } from './dead-letter';
import { classifyFailure, describeError, retryDelayMs } from './failure-policy';
import { BatchKafkaContext, type IncomingEvent } from './incoming-event';
import { decodeMessage, toReceived, type DecodedMessage } from './message-decoder';

export interface BatchKafkaServerOptions {
  kafka: Kafka;
  /** Consumer groups are `<groupPrefix><serviceName>.<topic>`: one per topic, so a slow topic stalls only itself. */
  serviceName: string;
  groupPrefix?: string;
  unitOfWork: UnitOfWork;
  inbox: Inbox;
  deadLetters: MessagePublisher;
  topicPartitions: number;
  /** Topics this service produces to, created at start along with the consumed ones and their DLQs. */
  producedTopics: readonly string[];
  maxAttempts: number;
  retryBaseMs: number;
  partitionsConcurrency: number;
  chunkSize?: number;
  now?: () => Date;
  /**
   * Fault injection for crash tests only: the process exits (code 86) right after the first chunk's effects have
   * committed and before its offsets are committed, as a crash at the worst moment would.
   */
  exitBeforeOffsetCommit?: boolean;
}

export const FAULT_EXIT_CODE = 86;

export function consumerGroupId(prefix: string, serviceName: string, topic: string): string {
  return `${prefix}${serviceName}.${topic}`;
}

type Outcome = 'done' | 'stopped';
interface Work {
  received: ReceivedMessage;
  decoded: DecodedMessage;
}

/**
 * A NestJS transport on kafkajs `eachBatch`. Handlers keep `@EventPattern('<event type>')`. Per partition batch:
 * decode and validate every message (bad ones are dead-lettered at once), apply the rest in one PostgreSQL
 * transaction with the inbox check, commit the offsets only after that transaction. If the batch transaction fails,
 * each message is retried alone with backoff; one that keeps failing goes to `<topic>.dlq` and the partition moves on.
 */
export class BatchKafkaServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(BatchKafkaServer.name);
  private readonly consumers: Consumer[] = [];
  private stopping = false;

  constructor(private readonly options: BatchKafkaServerOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    this.stopping = true;
    // kafkajs waits for the batch in progress to finish (and be committed) before it disconnects.
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
    this.consumers.length = 0;
  }

  on(): never {
    throw new Error('BatchKafkaServer does not emit status events');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  /** The topics this service consumes, derived from its handlers' event types. */
  consumedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      if (!isEventType(pattern)) throw new Error(`@EventPattern('${pattern}') names no event type in the catalogue`);
      const topic = topicPatternOf(pattern);
      if (topic.includes('{')) throw new Error(`cannot consume ${pattern}: its topic is per department`);
      topics.add(topic);
    }
    return [...topics].sort();
  }

  private async start(): Promise<void> {
    const consumed = this.consumedTopics();
    const all = [...consumed, ...consumed.map((topic) => `${topic}.dlq`), ...this.options.producedTopics];
    await ensureTopics(this.options.kafka, all, this.options.topicPartitions);
    for (const topic of consumed) await this.startConsumer(topic);
  }

  private async startConsumer(topic: string): Promise<void> {
    const groupId = consumerGroupId(this.options.groupPrefix ?? '', this.options.serviceName, topic);
    // A short long-poll keeps shutdown quick (disconnect waits for the fetch in flight); data still returns at once.
    const consumer = this.options.kafka.consumer({
      groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 500,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    this.consumers.push(consumer);
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrency,
      eachBatch: (payload) => this.processBatch(consumer, groupId, payload),
    });
    this.logger.log(`consuming ${topic} as group ${groupId}`);
  }

  private async processBatch(consumer: Consumer, group: string, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const size = this.options.chunkSize ?? 100;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(start, start + size).map((m) => toReceived(batch.topic, batch.partition, m));
      const outcome = await this.processChunk(group, chunk, heartbeat);
      if (outcome === 'stopped') return;
      const last = chunk[chunk.length - 1];
      if (!last) continue;
      if (this.options.exitBeforeOffsetCommit) {
        this.logger.warn(`fault injection: exiting after effects, before committing offset ${last.offset}`);
        process.exit(FAULT_EXIT_CODE);
      }
      payload.resolveOffset(last.offset);
      const next = (BigInt(last.offset) + 1n).toString();
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
      await heartbeat();
    }
  }

  private async processChunk(
    group: string,
    chunk: ReceivedMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    const work: Work[] = [];
    for (const received of chunk) {
      try {
        const decoded = decodeMessage(received);
        if (this.messageHandlers.has(decoded.envelope.type)) work.push({ received, decoded });
      } catch (error) {
        await this.deadLetter(group, received, describeError(error), 1);
      }
    }
    if (work.length === 0) return 'done';
    try {
      await this.options.unitOfWork.run(async () => {
        for (const item of work) await this.apply(group, item);
      });
      return 'done';
    } catch (error) {
      this.logger.warn(`batch of ${work.length} on ${group} failed (${describeError(error)}); retrying one by one`);
    }
    for (const item of work) {
      if ((await this.applyWithRetries(group, item, heartbeat)) === 'stopped') return 'stopped';
    }
    return 'done';
  }

  private async applyWithRetries(group: string, item: Work, heartbeat: () => Promise<void>): Promise<Outcome> {
    let attempts = 0;
    let outages = 0;
    for (;;) {
      try {
        await this.options.unitOfWork.run(() => this.apply(group, item));
        return 'done';
      } catch (error) {
        const kind = classifyFailure(error);
        const reason = describeError(error);
        if (kind === 'invalid') {
          await this.deadLetter(group, item.received, reason, attempts + 1);
          return 'done';
        }
        if (kind === 'infrastructure') outages += 1;
        else attempts += 1;
        if (attempts >= this.options.maxAttempts) {
          await this.deadLetter(group, item.received, reason, attempts);
          return 'done';
        }
        if (this.stopping) return 'stopped';
        this.logger.warn(`${item.decoded.envelope.type} ${item.decoded.envelope.eventId} failed (${kind}): ${reason}`);
        await this.pause(retryDelayMs(Math.max(attempts, outages), this.options.retryBaseMs), heartbeat);
      }
    }
  }

  private async apply(group: string, { received, decoded }: Work): Promise<void> {
    const { envelope, payload } = decoded;
    if (!(await this.options.inbox.claim(group, envelope.eventId, envelope.type))) return;
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) return;
    const event: IncomingEvent<typeof payload> = {
      envelope,
      payload,
      topic: received.topic,
      partition: received.partition,
      offset: received.offset,
    };
    const context = new BatchKafkaContext(received.topic, received.partition, received.offset, group);
    await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
  }

  private async deadLetter(group: string, message: ReceivedMessage, reason: string, attempts: number): Promise<void> {
    const failedAt = this.options.now?.() ?? new Date();
    this.logger.error(
      `dead-lettering ${message.topic}[${message.partition}]@${message.offset} for ${group}: ${reason}`,
    );
    await this.options.deadLetters.publish([
      deadLetterFor(message, { reason, attempts, consumerGroup: group, failedAt }),
    ]);
  }

  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    await heartbeat().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await heartbeat().catch(() => undefined);
  }
}
