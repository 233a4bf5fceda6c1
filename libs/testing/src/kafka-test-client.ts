import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaConfig,
  type Producer,
  type RecordMetadata,
} from 'kafkajs';
import { expectEventually } from './expect-eventually';

/** The broker of deploy/kafka/kafka.sh, which listens on KAFKA_PORT (default 9092). */
export const DEFAULT_KAFKA_BROKERS = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;

/** A kafkajs client for tests; `overrides` (e.g. a logCreator) win over the defaults. */
export function createTestKafka(
  brokers: string = process.env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS,
  overrides: Partial<KafkaConfig> = {},
): Kafka {
  return new Kafka({
    clientId: `test-${process.pid}`,
    brokers: brokers
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== ''),
    logLevel: logLevel.WARN,
    retry: { retries: 5, initialRetryTime: 100 },
    ...overrides,
  });
}

/**
 * Creates the topics that do not exist yet (single broker: replication factor 1) and waits until their leaders serve.
 * kafkajs' own `waitForLeaders` is not used: on KRaft the broker's metadata can lag the controller for a moment, and
 * kafkajs then fails createTopics with UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this topic-partition")
 * instead of retrying; a leader named in metadata may also still answer NOT_LEADER_OR_FOLLOWER. So we wait until
 * ListOffsets succeeds on every partition.
 */
export async function ensureTopics(admin: Admin, topics: string[], partitions = 12): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: false,
    topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
  });
  for (const topic of missing) {
    await expectEventually(
      async () => {
        const served = await admin.fetchTopicOffsets(topic);
        if (served.length !== partitions) throw new Error(`${served.length} of ${partitions} partitions known`);
      },
      { description: `leaders of ${topic} serving` },
    );
  }
}

/** Decodes kafkajs header values (Buffer | string | array of them | undefined) to strings; arrays keep the last. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  }
  return decoded;
}

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface TopicRecorderOptions {
  fromBeginning?: boolean;
  groupIdPrefix?: string;
}

/** A consumer in a fresh, unique consumer group that records every message of the given topics. */
export class TopicRecorder {
  private readonly recorded: RecordedMessage[] = [];
  private consumer: Consumer | undefined;

  private constructor(
    private readonly kafka: Kafka,
    readonly topics: readonly string[],
    readonly groupId: string,
  ) {}

  /** Subscribes and resolves once the consumer has fetched, so that nothing produced afterwards is missed. */
  static async start(kafka: Kafka, topics: string[], options: TopicRecorderOptions = {}): Promise<TopicRecorder> {
    // On a fresh broker the topics may not exist yet (the services create theirs at start): subscribing to a
    // missing topic fails, so create them first, as the services would.
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topics);
    } finally {
      await admin.disconnect();
    }
    const recorder = new TopicRecorder(kafka, topics, `${options.groupIdPrefix ?? 'test-recorder'}-${randomUUID()}`);
    await recorder.run(options.fromBeginning ?? true);
    return recorder;
  }

  private async run(fromBeginning: boolean): Promise<void> {
    // A short fetch long-poll keeps stop() quick: disconnect waits for the fetch in flight (default up to 5 s).
    const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 250 });
    this.consumer = consumer;
    // After the first fetch the group has joined and the start offsets are resolved (latest, unless fromBeginning).
    let fetched = false;
    const removeListener = consumer.on(consumer.events.FETCH, () => {
      fetched = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.recorded.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key === null ? null : message.key.toString('utf8'),
          value: message.value === null ? null : message.value.toString('utf8'),
          headers: decodeHeaders(message.headers),
        });
      },
    });
    await expectEventually(
      () => {
        if (!fetched) throw new Error('consumer has not fetched yet');
      },
      { description: `recorder ${this.groupId} starting`, timeoutMs: 30_000 },
    );
    removeListener();
  }

  messages(topic?: string): RecordedMessage[] {
    return topic === undefined ? [...this.recorded] : this.recorded.filter((message) => message.topic === topic);
  }

  /** Waits until `predicate` holds for the recorded messages; returns them. */
  async waitFor(predicate: (messages: RecordedMessage[]) => boolean, timeoutMs = 20_000): Promise<RecordedMessage[]> {
    return expectEventually(
      () => {
        const snapshot = this.messages();
        if (!predicate(snapshot)) throw new Error(`predicate not satisfied by ${snapshot.length} recorded messages`);
        return snapshot;
      },
      { timeoutMs, description: `recorder on ${this.topics.join(', ')}` },
    );
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer !== undefined) await consumer.disconnect();
  }
}

/** Sends one JSON message (acks = all) and returns the broker's record metadata. */
export async function produceJson(
  producer: Producer,
  topic: string,
  key: string,
  value: object,
  headers: Record<string, string> = {},
): Promise<RecordMetadata[]> {
  return producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify(value), headers }] });
}

/**
 * Commits the group's offsets at the current end of every partition, so that it consumes only what comes next.
 * Not `admin.resetOffsets({ earliest: false })`: kafkajs commits the sentinel -1 there, which the broker stores as
 * "no offset", and a `fromBeginning` consumer then starts from the beginning.
 */
export async function moveGroupToEnd(admin: Admin, groupId: string, topic: string): Promise<void> {
  // Right after a topic is created, KRaft may still answer "not the leader" for a moment.
  const ends = await expectEventually(() => admin.fetchTopicOffsets(topic), { description: `end offsets of ${topic}` });
  await admin.setOffsets({
    groupId,
    topic,
    partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
  });
}
