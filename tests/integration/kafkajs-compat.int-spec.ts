// Proof that kafkajs 2.2.4 works against the Apache Kafka 4.1.1 broker of deploy/kafka (docs/decisions/0002).
import 'reflect-metadata'; // the contracts' class-validator decorators need it
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, logLevel, type Admin, type Consumer, type ConsumerRunConfig } from 'kafkajs';
import type { EachMessagePayload, IHeaders, Producer } from 'kafkajs';
import { envelopeFromHeaders, envelopeToHeaders, newEventId, type EventEnvelope } from '@petitions/contracts';
import * as t from '@petitions/testing';

// The integration project's `testTimeout` in jest.config.js does not reach jest-circus (it reads only the global one).
jest.setTimeout(120_000);
const runId = Date.now();
const kafkaWarnings: string[] = [];
const requestsSent = new Set<string>();
const kafka = t.createTestKafka(undefined, {
  logLevel: logLevel.DEBUG, // to record the protocol version kafkajs negotiated for each API
  logCreator:
    () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, ...extra } = log;
      const request = /^Request (\w+)\(key: \d+, version: (\d+)\)/.exec(message);
      if (request) requestsSent.add(`${request[1]} v${request[2]}`);
      const label = level === logLevel.ERROR ? 'ERROR' : 'WARN';
      if (level <= logLevel.WARN) kafkaWarnings.push(`${label} [${namespace}] ${message} ${JSON.stringify(extra)}`);
    },
});
const [topics, groups, consumers]: [string[], string[], Consumer[]] = [[], [], []];
const topic = (name: string): string => (topics.push(`compat.${name}.${runId}`), `compat.${name}.${runId}`);
const group = (name: string): string => (groups.push(`compat-${name}-${runId}`), `compat-${name}-${runId}`);
const range = (count: number, from = 0): number[] => Array.from({ length: count }, (_, i) => from + i);
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
const seqOf = (value: Buffer | null): number => (JSON.parse(value?.toString() ?? 'null') as { seq: number }).seq;
let admin: Admin;
let producer: Producer;

/** Starts a consumer of one topic, from the beginning; `assigned()` is its partitions after its latest join. */
async function startConsumer(groupId: string, topicName: string, config: ConsumerRunConfig) {
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 500, maxWaitTimeInMs: 250 });
  consumers.push(consumer);
  let assigned: number[] | undefined;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => (assigned = payload.memberAssignment[topicName] ?? []));
  await consumer.connect();
  await consumer.subscribe({ topics: [topicName], fromBeginning: true });
  await consumer.run(config);
  await t.expectEventually(() => expect(assigned).toBeDefined(), { description: `${groupId} joining` });
  return { consumer, assigned: (): number[] => sorted(assigned ?? []) };
}

/** Sends `count` JSON messages one at a time, keyed `petition-<seq % 10>`; returns each send's metadata. */
async function produceKeyed(topicName: string, count: number, from = 0) {
  const sent = [];
  for (const seq of range(count, from)) {
    const key = `petition-${seq % 10}`;
    sent.push({ key, metadata: await t.produceJson(producer, topicName, key, { seq }, { seq: String(seq) }) });
  }
  return sent;
}

/** The group's committed offsets of the partitions that have one (kafkajs reports '-1' for the others). */
async function committed(groupId: string, topicName: string): Promise<Map<number, string>> {
  const [result] = await admin.fetchOffsets({ groupId, topics: [topicName] });
  const partitions = (result?.partitions ?? []).filter(({ offset }) => offset !== '-1');
  return new Map(partitions.map(({ partition, offset }) => [partition, offset]));
}
const highWatermarks = async (name: string): Promise<Map<number, string>> =>
  new Map((await admin.fetchTopicOffsets(name)).filter((p) => p.high !== '0').map((p) => [p.partition, p.high]));

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
});

afterEach(async () => void (await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect()))));

afterAll(async () => {
  await producer.disconnect();
  await admin.deleteGroups(groups).catch((error: unknown) => console.warn(`deleteGroups: ${String(error)}`));
  await admin.deleteTopics({ topics });
  const leftOver = async (): Promise<string[]> => (await admin.listTopics()).filter((n) => topics.includes(n));
  await t.expectEventually(async () => expect(await leftOver()).toEqual([]), { description: 'topics deleted' });
  await admin.disconnect();
  console.log(`kafkajs requests sent: ${[...requestsSent].sort().join(', ')}`);
  console.log(`kafkajs warnings/errors (${kafkaWarnings.length}):\n${kafkaWarnings.join('\n')}`);
});

test('(a) admin creates a 12-partition topic, lists and describes it', async () => {
  const name = topic('admin');
  await t.ensureTopics(admin, [name], 12);
  await t.ensureTopics(admin, [name], 12); // the second call finds it and creates nothing
  expect(await admin.listTopics()).toContain(name);
  const [metadata] = (await admin.fetchTopicMetadata({ topics: [name] })).topics;
  expect(metadata?.name).toBe(name);
  expect(sorted(metadata?.partitions.map((p) => p.partitionId) ?? [])).toEqual(range(12));
  for (const p of metadata?.partitions ?? []) expect(p).toMatchObject({ partitionErrorCode: 0, isr: [p.leader] });
  const topicResource = { type: ConfigResourceTypes.TOPIC, name };
  const [described] = (await admin.describeConfigs({ includeSynonyms: false, resources: [topicResource] })).resources;
  expect(described?.errorCode).toBe(0);
  expect(described?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue).toBe('delete');
  expect((await admin.fetchTopicOffsets(name)).map((p) => p.high)).toEqual(Array(12).fill('0'));
});

test('(b) an idempotent producer sends 100 keyed messages, each send returning offsets', async () => {
  const name = topic('produce');
  await t.ensureTopics(admin, [name]);
  const offsets = new Map<number, number[]>();
  const partitionOfKey = new Map<string, number>();
  for (const { key, metadata } of await produceKeyed(name, 100)) {
    expect(metadata).toEqual([expect.objectContaining({ topicName: name, errorCode: 0 })]);
    const [{ partition, baseOffset } = { partition: -1 }] = metadata;
    expect(baseOffset).toMatch(/^\d+$/);
    expect(partitionOfKey.get(key) ?? partition).toBe(partition); // one key, one partition
    partitionOfKey.set(key, partition);
    offsets.set(partition, [...(offsets.get(partition) ?? []), Number(baseOffset)]);
  }
  for (const inPartition of offsets.values()) expect(inPartition).toEqual(range(inPartition.length)); // no gap/dupe
  expect((await admin.fetchTopicOffsets(name)).reduce((sum, p) => sum + Number(p.high), 0)).toBe(100);
});

test('(c) two consumers of one group split the partitions and get all 100 messages once, in key order', async () => {
  const [name, groupId] = [topic('group'), group('split')];
  await t.ensureTopics(admin, [name]);
  const received: Array<{ member: number; partition: number; key: string; seq: number }> = [];
  const members = await Promise.all(
    [0, 1].map((member) =>
      startConsumer(groupId, name, {
        eachMessage: async ({ partition, message: { key, value } }) =>
          void received.push({ member, partition, key: key?.toString() ?? '', seq: seqOf(value) }),
      }),
    ),
  );
  const [first, second] = members;
  await t.expectEventually(
    () => {
      expect(first?.assigned().length).toBeGreaterThan(0);
      expect(second?.assigned().length).toBeGreaterThan(0);
      expect(sorted([...(first?.assigned() ?? []), ...(second?.assigned() ?? [])])).toEqual(range(12));
    },
    { description: 'both members sharing the 12 partitions', timeoutMs: 60_000 },
  );
  expect(await first?.consumer.describeGroup()).toMatchObject({ state: 'Stable', members: [{}, {}] });

  await produceKeyed(name, 100);
  await t.expectEventually(async () => {
    expect([...(await committed(groupId, name)).values()].reduce((sum, o) => sum + Number(o), 0)).toBe(100);
  });
  expect(sorted(received.map((r) => r.seq))).toEqual(range(100)); // all, and each once
  for (const r of received) expect(members[r.member]?.assigned()).toContain(r.partition);
  expect(new Set(received.map((r) => r.member))).toEqual(new Set([0, 1]));
  for (const key of new Set(received.map((r) => r.key))) {
    const seqs = received.filter((r) => r.key === key).map((r) => r.seq);
    expect(seqs).toEqual(sorted(seqs));
  }
});

test('(d) after a manual commitOffsets a new consumer in the group resumes after the committed offsets', async () => {
  const [name, groupId] = [topic('commit'), group('manual')];
  await t.ensureTopics(admin, [name]);
  const next = new Map<number, string>(); // partition → offset to commit (last seen + 1)
  const first = await startConsumer(groupId, name, {
    autoCommit: false,
    eachMessage: async ({ partition, message }) => void next.set(partition, String(Number(message.offset) + 1)),
  });
  await produceKeyed(name, 20);
  const highs = await highWatermarks(name);
  await t.expectEventually(() => expect(next).toEqual(highs), { description: 'first consumer seeing seq 0..19' });
  expect((await committed(groupId, name)).size).toBe(0); // autoCommit is off: nothing committed yet
  await first.consumer.commitOffsets([...next].map(([partition, offset]) => ({ topic: name, partition, offset })));
  expect(await committed(groupId, name)).toEqual(next);
  await first.consumer.disconnect();

  await produceKeyed(name, 20, 20);
  const seen: number[] = [];
  const eachMessage = async ({ message }: EachMessagePayload): Promise<void> => void seen.push(seqOf(message.value));
  await startConsumer(groupId, name, { autoCommit: false, eachMessage });
  await t.expectEventually(() => expect(sorted(seen)).toEqual(range(20, 20)), { description: 'only seq 20..39' });
});

test('(e) eachBatch, eachBatchAutoResolve false: unresolved offsets re-fetched, resolved ones committed', async () => {
  const [name, groupId] = [topic('batch'), group('batch')];
  await t.ensureTopics(admin, [name], 3);
  await produceKeyed(name, 30);
  const processed: string[] = [];
  const batchStarts = new Map<number, string[]>();
  await startConsumer(groupId, name, {
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const starts = batchStarts.get(batch.partition) ?? [];
      batchStarts.set(batch.partition, [...starts, batch.firstOffset() ?? 'none']);
      // The first batch of each partition stops after one message, leaving the rest unresolved.
      for (const message of batch.messages.slice(0, starts.length === 0 ? 1 : undefined)) {
        if (!isRunning() || isStale()) break;
        processed.push(`${batch.partition}:${message.offset}`);
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
  const highs = await highWatermarks(name);
  await t.expectEventually(async () => expect(await committed(groupId, name)).toEqual(highs), {
    description: 'committed offsets reaching the high watermarks',
  });
  expect(processed).toHaveLength(30);
  expect(new Set(processed).size).toBe(30);
  const multi = [...highs].filter(([, high]) => Number(high) > 1);
  expect(multi.length).toBeGreaterThan(0);
  for (const [partition] of multi) expect(batchStarts.get(partition)?.slice(0, 2)).toEqual(['0', '1']); // re-fetched
});

test('(f) headers round-trip: envelope, UTF-8, empty, binary, repeated keys', async () => {
  const name = topic('headers');
  await t.ensureTopics(admin, [name], 1);
  const recorder = await t.TopicRecorder.start(kafka, [name]);
  groups.push(recorder.groupId);
  const raw: IHeaders[] = [];
  const eachMessage = async ({ message }: EachMessagePayload): Promise<void> => void raw.push(message.headers ?? {});
  await startConsumer(group('headers-raw'), name, { eachMessage });
  const petitionId = randomUUID();
  const envelope: EventEnvelope = {
    eventId: newEventId(),
    type: 'petition.received',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    producer: 'kafkajs-compat',
    petitionId,
    correlationId: newEventId(),
  };
  const extra = { 'x-utf8': '诉求 ✓', 'x-empty': '' };
  await t.produceJson(producer, name, petitionId, { text: '诉求' }, { ...envelopeToHeaders(envelope), ...extra });
  const binary = { 'x-bin': Buffer.from([0, 1, 255]), 'x-multi': ['one', 'two'] };
  await producer.send({ topic: name, messages: [{ key: 'b', value: 'x', headers: binary }] });
  try {
    const [json, second] = await recorder.waitFor((messages) => messages.length >= 2);
    expect(json?.value).toBe('{"text":"诉求"}');
    expect(envelopeFromHeaders(json?.headers ?? {})).toEqual(envelope);
    expect(json?.headers).toMatchObject(extra);
    expect(second?.headers['x-multi']).toBe('two'); // decodeHeaders keeps the last value of a repeated key
    await t.expectEventually(() => expect(raw).toHaveLength(2));
    expect(raw[1]).toEqual({ 'x-bin': Buffer.from([0, 1, 255]), 'x-multi': [Buffer.from('one'), Buffer.from('two')] });
    expect(t.decodeHeaders(raw[0])).toEqual(json?.headers);
  } finally {
    await recorder.stop();
  }
});
