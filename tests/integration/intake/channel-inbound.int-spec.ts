import { randomBytes } from 'node:crypto';
import {
  channelMessageKey,
  deadLetterTopic,
  DEMO_CHANNEL_SECRET,
  demoChannelKeyId,
  envelopeToHeaders,
  newEventId,
  signChannelRequest,
  Topics,
  unixSeconds,
  type ChannelMessageReceivedV1,
  type PetitionReceivedV1,
} from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import {
  createTestKafka,
  ensureTopics,
  expectEventually,
  moveGroupToEnd,
  TopicRecorder,
  type RecordedMessage,
} from '@petitions/testing';
import type { Admin } from 'kafkajs';
import { Kcat, type KcatMessage, type KcatRecord } from '../../support/kcat';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

/**
 * Upstream channels publish to `channel.inbound` instead of calling `POST /petitions`: the same validation, the same
 * deduplication. Driven with kcat (librdkafka), checked in PostgreSQL, on `petition.events` and on
 * `channel.inbound.dlq` (read with kcat and with kafkajs).
 */

const PORT = 3160;
const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const GROUP_PREFIX = `it-inbound-${RUN}.`;
const INBOUND_GROUP = consumerGroupId(GROUP_PREFIX, 'intake', Topics.channelInbound);
const DLQ = deadLetterTopic(Topics.channelInbound);
const TEXT = '南江北路下水道堵塞污水外流，影响居民出行。';

interface PetitionRow {
  id: string;
  channel: string;
  channelMessageId: string;
  text: string;
}

/** One input on channel.inbound and the single outcome it must have. */
interface CorpusEntry {
  label: string;
  message: KcatMessage;
  expected: { petitionText: string } | { deadLetterReason: RegExp };
}

function messageId(label: string): string {
  return `it-${RUN}-${label}`;
}

function aChannelMessage(label: string, overrides: Partial<ChannelMessageReceivedV1> = {}): ChannelMessageReceivedV1 {
  return {
    channel: 'wechat-resident',
    channelMessageId: messageId(label),
    text: `${TEXT} (${label})`,
    unit: 'NANJIANG',
    ...overrides,
  };
}

/** The envelope a channel system writes; `undefined` leaves a header out. */
function envelopeHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const eventId = newEventId();
  const headers: Record<string, string | undefined> = {
    ...envelopeToHeaders({
      eventId,
      type: 'channel.message-received',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      producer: 'wechat-resident-bot',
      correlationId: eventId,
    }),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function onKafka(message: ChannelMessageReceivedV1, headers = envelopeHeaders()): KcatMessage {
  return { key: channelMessageKey(message), headers, value: JSON.stringify(message) };
}

/** Raw bytes under the key `wechat-resident:<messageId(label)>`, whatever the value says. */
function raw(label: string, value: Buffer | string | null, headers = envelopeHeaders()): KcatMessage {
  return { key: `wechat-resident:${messageId(label)}`, headers, value };
}

function becomesPetition(label: string, message: ChannelMessageReceivedV1, kafka = onKafka(message)): CorpusEntry {
  return { label, message: kafka, expected: { petitionText: message.text } };
}

function deadLettered(label: string, message: KcatMessage, deadLetterReason: RegExp): CorpusEntry {
  return { label, message, expected: { deadLetterReason } };
}

function corpus(): CorpusEntry[] {
  const valid = (label: string): ChannelMessageReceivedV1 => aChannelMessage(label);
  const json = (label: string, fields: Record<string, unknown>): string =>
    JSON.stringify({ ...valid(label), ...fields });
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  /** A valid message whose text is replaced by raw bytes (e.g. not UTF-8). */
  const withBytesInText = (label: string, bytes: number[]): Buffer => {
    const [before, after] = json(label, { text: 'BYTES' }).split('BYTES');
    return Buffer.concat([Buffer.from(before ?? '', 'utf8'), Buffer.from(bytes), Buffer.from(after ?? '', 'utf8')]);
  };
  const script = `<script>alert("xss")</script><img src=x onerror=alert(1)> 井盖丢了`;
  const sql = `路灯不亮'); DROP TABLE intake.petitions; -- ' OR '1'='1`;
  return [
    deadLettered('broken-json', raw('broken-json', json('broken-json', {}).slice(0, 40)), /malformed-json/),
    deadLettered(
      'wrong-types',
      raw('wrong-types', json('wrong-types', { text: 42, unit: ['NANJIANG'] })),
      /invalid-payload: .*text: text must be a string.*unit: /,
    ),
    deadLettered(
      'nested-10000-deep',
      raw('nested-10000-deep', json('nested-10000-deep', { text: 'DEEP' }).replace('"DEEP"', deep)),
      /invalid-payload: text: text nests deeper than 16 levels/,
    ),
    deadLettered(
      'huge-array',
      raw('huge-array', json('huge-array', { text: Array.from({ length: 100_000 }, (_, index) => index) })),
      /invalid-payload: text: text must not hold more than 1000 items/,
    ),
    deadLettered(
      'invalid-utf8',
      raw('invalid-utf8', withBytesInText('invalid-utf8', [0xc3, 0x28, 0xff, 0xfe])),
      /malformed-json: value is not valid UTF-8/,
    ),
    becomesPetition('script-tag', aChannelMessage('script-tag', { text: script })),
    becomesPetition('sql-fragment', aChannelMessage('sql-fragment', { text: sql })),
    deadLettered(
      'missing-event-type-header',
      onKafka(valid('missing-event-type-header'), envelopeHeaders({ 'event-type': undefined })),
      /EnvelopeError: .*header "event-type" is missing/,
    ),
    deadLettered(
      'no-headers',
      onKafka(valid('no-headers'), {}),
      /header "event-id" is missing.*header "correlation-id" is missing/,
    ),
    deadLettered(
      'unknown-event-type',
      onKafka(valid('unknown-event-type'), envelopeHeaders({ 'event-type': 'channel.message-deleted' })),
      /unknown-type: event type "channel\.message-deleted" is not in the catalogue/,
    ),
    deadLettered(
      'type-of-another-topic',
      // A valid petition.received: intake has no handler for it, so the transport used to skip it (lost).
      raw(
        'type-of-another-topic',
        JSON.stringify({
          petitionId: newEventId(),
          trackingCode: 'K7QM-2D4X-9PLA',
          ...valid('type-of-another-topic'),
          receivedAt: new Date().toISOString(),
        } satisfies PetitionReceivedV1),
        envelopeHeaders({ 'event-type': 'petition.received' }),
      ),
      /unknown-type: event type "petition\.received" does not travel on channel\.inbound/,
    ),
    deadLettered(
      'schema-version-2',
      onKafka(valid('schema-version-2'), envelopeHeaders({ 'schema-version': '2' })),
      /unsupported-version: channel\.message-received v2 is not supported/,
    ),
    deadLettered(
      'unknown-channel',
      onKafka(aChannelMessage('unknown-channel', { channel: 'fax' })),
      /invalid-payload: channel: channel must be one of the following values/,
    ),
    deadLettered(
      'empty-text',
      onKafka(aChannelMessage('empty-text', { text: '' })),
      /invalid-payload: text: text must be longer than or equal to 1 characters/,
    ),
    deadLettered(
      'nul-in-text',
      onKafka(aChannelMessage('nul-in-text', { text: 'a\u0000b' })),
      /invalid-payload: text: text must not contain the NUL character/,
    ),
    deadLettered('empty-value', raw('empty-value', ''), /malformed-json: Unexpected end of JSON input/),
    deadLettered('null-value', raw('null-value', null), /malformed-json: message has no value/),
    deadLettered(
      'unknown-field',
      raw('unknown-field', json('unknown-field', { status: 'resolved' })),
      /invalid-payload: status: property status should not exist/,
    ),
    deadLettered(
      'bad-reporter-phone',
      onKafka(aChannelMessage('bad-reporter-phone', { reporter: { phone: '12345' } })),
      /invalid-payload: reporter\.phone: phone must be a mainland mobile or landline number/,
    ),
    becomesPetition(
      'reporter',
      aChannelMessage('reporter', { reporter: { name: '李四', phone: '+86 139 8765 4321' } }),
    ),
    becomesPetition('without-key', valid('without-key'), { ...onKafka(valid('without-key')), key: undefined }),
    // class-transformer used to drop these keys silently (so the message became a petition): now refused by name.
    deadLettered(
      'proto-member',
      raw('proto-member', json('proto-member', {}).replace(/^\{/, '{"__proto__":{"text":"","polluted":true},')),
      /invalid-payload: __proto__: property __proto__ should not exist/,
    ),
    deadLettered(
      'constructor-member',
      raw('constructor-member', json('constructor-member', { constructor: { prototype: { polluted: true } } })),
      /invalid-payload: constructor: property constructor should not exist/,
    ),
    deadLettered(
      'duplicate-key',
      raw('duplicate-key', json('duplicate-key', {}).replace(/\}$/, ',"text":"second"}')),
      /invalid-payload: text: property text must not appear more than once/,
    ),
    deadLettered(
      'lone-surrogate',
      raw('lone-surrogate', json('lone-surrogate', { text: 'RAW' }).replace('"RAW"', '"a\\ud800b"')),
      /invalid-payload: text: text must not contain an unpaired surrogate/,
    ),
  ];
}

function payloadOf<T>(message: RecordedMessage): T {
  return JSON.parse(message.value ?? 'null') as T;
}

describe('intake on channel.inbound', () => {
  const kafka = createTestKafka();
  let admin: Admin;
  let db: TestDatabase;
  let intake: ServiceProcess;
  let recorder: TopicRecorder;
  let kcat: Kcat;
  let produced = 0;
  const startedAt = Date.now();

  async function produce(message: KcatMessage): Promise<void> {
    produced += 1;
    await kcat.produce(Topics.channelInbound, message, produced);
  }

  async function petitions(): Promise<PetitionRow[]> {
    return db.query<PetitionRow>(
      `SELECT id, channel, channel_message_id AS "channelMessageId", text FROM intake.petitions
       WHERE channel_message_id LIKE $1 ORDER BY channel_message_id`,
      [`it-${RUN}-%`],
    );
  }

  /**
   * The `petition.received` events of one stored petition. By petition id, not by channel message: an intake of
   * another run or developer that consumes channel.inbound in its own group may take the same message in too.
   */
  function announcementsOf(row: PetitionRow | undefined): RecordedMessage[] {
    return recorder
      .messages(Topics.petitionEvents)
      .filter((message) => payloadOf<PetitionReceivedV1>(message).petitionId === row?.id);
  }

  /** Waits until intake has committed channel.inbound up to its current end: every message so far has its outcome. */
  async function waitUntilConsumed(): Promise<void> {
    const ends = await admin.fetchTopicOffsets(Topics.channelInbound);
    await expectEventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId: INBOUND_GROUP, topics: [Topics.channelInbound] });
        const behind = ends.filter(({ partition, high }) => {
          const offset = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
          return BigInt(offset) < BigInt(high);
        });
        expect(behind).toEqual([]);
      },
      { timeoutMs: 60_000, intervalMs: 250, description: 'intake consumed channel.inbound to its end' },
    );
  }

  /** POST /petitions as a channel would; signed with the demo credentials if the edge asks for a signature. */
  async function postOverHttp(
    body: ChannelMessageReceivedV1,
  ): Promise<{ status: number; signed: boolean; json: unknown }> {
    const text = JSON.stringify(body);
    const post = (headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${intake.url}/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: text,
      });
    let response = await post();
    let signed = false;
    if (response.status === 401) {
      signed = true;
      const signature = signChannelRequest({
        keyId: demoChannelKeyId(body.channel),
        secret: DEMO_CHANNEL_SECRET,
        body: text,
        timestamp: unixSeconds(new Date()),
      });
      response = await post({ ...signature });
    }
    return { status: response.status, signed, json: await response.json() };
  }

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [Topics.channelInbound, DLQ, Topics.petitionEvents]);
    // A fresh group would read channel.inbound from its beginning, other runs' messages included.
    await moveGroupToEnd(admin, INBOUND_GROUP, Topics.channelInbound);
    kcat = await Kcat.create();
    db = await TestDatabase.create('it_channel_inbound');
    recorder = await TopicRecorder.start(kafka, [Topics.petitionEvents, DLQ], { fromBeginning: false });
    intake = await ServiceProcess.start('intake', PORT, {
      env: { DATABASE_URL: db.url, KAFKA_CONSUMER_GROUP_PREFIX: GROUP_PREFIX, KAFKA_RETRY_BASE_MS: '20' },
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await admin?.disconnect();
    await kcat?.dispose();
    if (intake) expect(await intake.stop()).toBe(0);
    await db?.drop();
  });

  it('(a) stores a valid channel message produced with kcat and announces it on petition.events', async () => {
    const message = aChannelMessage('a');
    await produce(onKafka(message));

    const [row] = await expectEventually(
      async () => {
        const rows = await petitions();
        expect(rows.map((candidate) => candidate.channelMessageId)).toEqual([message.channelMessageId]);
        return rows;
      },
      { timeoutMs: 30_000, description: 'the petition stored' },
    );
    expect(row).toMatchObject({ channel: 'wechat-resident', text: message.text });
    const [announced] = await expectEventually(
      () => {
        const found = announcementsOf(row);
        expect(found).toHaveLength(1);
        return found;
      },
      { timeoutMs: 30_000, description: 'petition.received on petition.events' },
    );
    expect(announced?.key).toBe(row?.id);
    expect(announced?.headers).toMatchObject({ 'event-type': 'petition.received', producer: 'intake' });
    expect(payloadOf<PetitionReceivedV1>(announced as RecordedMessage)).toMatchObject({
      petitionId: row?.id,
      channel: 'wechat-resident',
      channelMessageId: message.channelMessageId,
      text: message.text,
      unit: 'NANJIANG',
      town: 'FUKOU_TOWN',
    });
  });

  it('(b) takes one channel message in once, however often and whichever way it comes', async () => {
    const a = aChannelMessage('a');
    const [stored] = await petitions();
    const first = onKafka(a);
    // Resent by the channel (new event id), redelivered (same event id twice), then posted over HTTP as well.
    await produce(first);
    await produce(first);
    const http = await postOverHttp(a);
    expect({ status: http.status, json: http.json }).toMatchObject({
      status: 202,
      json: { petitionId: stored?.id, duplicate: true },
    });

    // The other way round: HTTP first, then Kafka.
    const b = aChannelMessage('b');
    const posted = await postOverHttp(b);
    expect(posted).toMatchObject({ status: 202, json: { duplicate: false } });
    await produce(onKafka(b));
    await produce(onKafka(b));

    await waitUntilConsumed();
    const rows = await petitions();
    expect(rows.map((row) => row.channelMessageId)).toEqual([a.channelMessageId, b.channelMessageId]);
    expect(rows[1]?.id).toBe((posted.json as { petitionId: string }).petitionId);
    await expectEventually(() => expect(rows.map((row) => announcementsOf(row).length)).toEqual([1, 1]), {
      description: 'one petition.received each',
    });
    if (http.signed) console.log('POST /petitions asked for a signature: signed with the demo channel key');
  });

  it('(c) gives every malformed or hostile input exactly one outcome: a petition or a dead letter with the reason', async () => {
    const entries = corpus();
    for (const entry of entries) await produce(entry.message);
    await waitUntilConsumed();

    // Dead letters of this intake's group (others may consume channel.inbound too), read with kcat (librdkafka) ...
    const mine = (record: { key: string | null; headers: Record<string, string> }): boolean =>
      record.headers['dlq-consumer-group'] === INBOUND_GROUP;
    const deadLetters: KcatRecord[] = (await kcat.consumeSince(DLQ, startedAt)).filter(mine);
    // ... and with kafkajs: both clients see the same dead letters.
    const recorded = await recorder.waitFor(
      (messages) => messages.filter((m) => m.topic === DLQ && mine(m)).length >= deadLetters.length,
    );
    expect(
      recorded
        .filter((m) => m.topic === DLQ && mine(m))
        .map((m) => `${m.partition}@${m.offset}`)
        .sort(),
    ).toEqual(deadLetters.map((record) => `${record.partition}@${String(record.offset)}`).sort());

    const rows = await petitions();
    const outcomes = entries.map((entry) => {
      const eventId = entry.message.headers['event-id'];
      const letters = deadLetters.filter(
        (record) =>
          (entry.message.key !== undefined && record.key === entry.message.key) ||
          (eventId !== undefined && record.headers['event-id'] === eventId),
      );
      const stored = rows.filter((row) => row.channelMessageId === messageId(entry.label));
      return { entry, letters, stored };
    });

    // Exactly one outcome each, and the expected one: nothing lost, nothing doubled.
    expect(
      outcomes.map(
        ({ entry, letters, stored }) =>
          `${entry.label}: ${stored.length} petition(s), ${letters.length} dead letter(s)`,
      ),
    ).toEqual(
      entries.map((entry) =>
        'petitionText' in entry.expected
          ? `${entry.label}: 1 petition(s), 0 dead letter(s)`
          : `${entry.label}: 0 petition(s), 1 dead letter(s)`,
      ),
    );
    expect(deadLetters).toHaveLength(outcomes.filter(({ letters }) => letters.length > 0).length);

    for (const { entry, letters, stored } of outcomes) {
      if ('petitionText' in entry.expected) {
        // Stored verbatim: markup and SQL are text, never run.
        expect({ label: entry.label, text: stored[0]?.text }).toEqual({
          label: entry.label,
          text: entry.expected.petitionText,
        });
        continue;
      }
      const letter = letters[0] as KcatRecord;
      expect({ label: entry.label, reason: letter.headers['dlq-reason'] }).toEqual({
        label: entry.label,
        reason: expect.stringMatching(entry.expected.deadLetterReason) as unknown,
      });
      expect(letter.headers).toMatchObject({
        'dlq-original-topic': Topics.channelInbound,
        'dlq-consumer-group': INBOUND_GROUP,
        'dlq-attempts': '1',
      });
    }
    // The original bytes travel unchanged (kcat shows them as text).
    const broken = outcomes.find(({ entry }) => entry.label === 'broken-json');
    expect(broken?.letters[0]?.payload).toBe(broken?.entry.message.value);

    // The SQL fragment did not run, and the reporter's contact went into no event.
    expect((await db.query<{ n: string }>('SELECT count(*) AS n FROM intake.petitions'))[0]?.n).toBe(
      String(rows.length),
    );
    await expectEventually(() => expect(rows.map((row) => announcementsOf(row).length)).toEqual(rows.map(() => 1)), {
      description: 'one petition.received per stored petition',
    });
    const [announced] = announcementsOf(rows.find((row) => row.channelMessageId === messageId('reporter')));
    expect(announced?.value).not.toMatch(/李四|13987654321|8765 4321|"reporter"/);

    // Still serving after all that (a 10 000-deep value once overflowed the validator's stack).
    expect((await fetch(`${intake.url}/health/ready`)).status).toBe(200);
  });
});
