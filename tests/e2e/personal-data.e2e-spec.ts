import { randomBytes } from 'node:crypto';
import {
  channelMessageKey,
  deadLetterTopic,
  demoChannelCredential,
  deptAssignmentsTopic,
  envelopeToHeaders,
  newEventId,
  signChannelRequest,
  Topics,
  unixSeconds,
  type ChannelReplyRequestedV1,
} from '@petitions/contracts';
import { DEPARTMENT_CODES } from '@petitions/district';
import { createTestKafka, expectEventually, TopicRecorder, type RecordedMessage } from '@petitions/testing';
import type { Admin, Producer } from 'kafkajs';
import { sendDepartmentResponse } from '../support/department';
import {
  missingOffsets,
  openSealed,
  plantedIn,
  plantReporter,
  residentIdNumber,
  topicEnds,
  type PlantedReporter,
} from '../support/planted-personal-data';
import { RunningSystem } from '../support/system';
import { TestDatabase } from '../support/test-database';

// The planted data goes in the reporter object only. The petition's free text may hold personal data in real life;
// it flows to routing and the departments by design, and redacting it for the public is disclosure's job (#7).
const TEXT = '南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。';
const CHANNEL = 'wechat-resident';
const KEYS = JSON.stringify({
  current: 'e2e-2',
  keys: { 'e2e-1': randomBytes(32).toString('base64'), 'e2e-2': randomBytes(32).toString('base64') },
});

/**
 * Every topic of the system with its DLQ, except `channel.inbound` (where the channels send the reporter in): on
 * `channel.outbound` the reporter may appear as a reply's recipient, and nowhere else in the message.
 */
async function watchedTopics(admin: Admin): Promise<string[]> {
  const own = Object.values(Topics).filter((topic: string) => topic !== Topics.channelInbound);
  const topics = [...own, ...DEPARTMENT_CODES.map(deptAssignmentsTopic)];
  const existing = new Set(await admin.listTopics());
  return [...topics, ...topics.map(deadLetterTopic)].filter((topic) => existing.has(topic));
}

function signedPost(url: string, body: string): Promise<Response> {
  const { keyId, secret } = demoChannelCredential(CHANNEL);
  const signature = signChannelRequest({ keyId, secret, body, timestamp: unixSeconds(new Date()) });
  return fetch(`${url}/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signature },
    body,
  });
}

function textOf(message: RecordedMessage): string {
  return [message.key ?? '', message.value ?? '', ...Object.entries(message.headers).flat()].join('\n');
}

function isReply(message: RecordedMessage): boolean {
  return message.topic === Topics.channelOutbound;
}

/** A reply with its recipient taken out: the one field of one topic where the reporter may travel. */
function withoutRecipient(message: RecordedMessage): { recipient: string; rest: RecordedMessage } {
  const { recipient, ...payload } = JSON.parse(message.value ?? '{}') as ChannelReplyRequestedV1;
  return { recipient, rest: { ...message, value: JSON.stringify(payload) } };
}

describe('personal data: the reporter is stored sealed in intake and appears nowhere else', () => {
  const kafka = createTestKafka();
  // Two by POST /petitions, the last on channel.inbound (where the reporter may travel, and from where it must not).
  const planted: PlantedReporter[] = [
    plantReporter('mobile'),
    plantReporter('landline', true),
    plantReporter('mobile'),
  ];
  const petitionIds: string[] = [];
  const publicResponses: string[] = [];
  let db: TestDatabase;
  let system: RunningSystem;
  let admin: Admin;
  let producer: Producer;
  let recorder: TopicRecorder;
  let topics: string[];
  let startOffsets: Map<string, string>;

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_personal_data');
    system = await RunningSystem.start(db, 3221, { INTAKE_PII_KEYS: KEYS });
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    topics = await watchedTopics(admin);
    recorder = await TopicRecorder.start(kafka, topics, { fromBeginning: false });
    startOffsets = await topicEnds(admin, topics);
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    if (system) await system.stop();
    await db?.drop();
  });

  it('takes petitions with a reporter through to the public record', async () => {
    const [byHttp1, byHttp2, byKafka] = planted;
    if (!byHttp1 || !byHttp2 || !byKafka) throw new Error('nothing planted');
    for (const [index, reporter] of [byHttp1, byHttp2].entries()) {
      const body = {
        channel: CHANNEL,
        channelMessageId: `e2e-pii-${Date.now()}-${index}`,
        text: TEXT,
        unit: 'NANJIANG',
        reporter: reporter.posted,
      };
      const response = await signedPost(system.url('intake'), JSON.stringify(body));
      const answer = await response.text();
      expect(response.status).toBe(202);
      expect(plantedIn(answer, planted)).toEqual([]);
      petitionIds.push((JSON.parse(answer) as { petitionId: string }).petitionId);
    }

    const message = {
      channel: CHANNEL,
      channelMessageId: `e2e-pii-${Date.now()}-kafka`,
      text: TEXT,
      unit: 'NANJIANG',
      reporter: byKafka.posted,
    };
    const eventId = newEventId();
    const envelope = { eventId, type: 'channel.message-received', schemaVersion: 1, correlationId: eventId };
    await producer.send({
      topic: Topics.channelInbound,
      acks: -1,
      messages: [
        {
          key: channelMessageKey(message),
          value: JSON.stringify(message),
          headers: envelopeToHeaders({ ...envelope, occurredAt: new Date().toISOString(), producer: 'e2e-bot' }),
        },
      ],
    });
    const isReceived = (m: RecordedMessage): boolean =>
      m.headers['event-type'] === 'petition.received' && (m.value ?? '').includes(message.channelMessageId);
    const received = (await recorder.waitFor((messages) => messages.some(isReceived), 30000)).find(isReceived);
    if (!received?.key) throw new Error('the channel message was not taken in');
    petitionIds.push(received.key);

    for (const petitionId of petitionIds) {
      const all = await recorder.waitFor(
        (messages) => messages.some((m) => m.key === petitionId && m.headers['event-type'] === 'work-order.issued'),
        30000,
      );
      const workOrder = all.find((m) => m.key === petitionId && m.headers['event-type'] === 'work-order.issued');
      if (!workOrder) throw new Error('no work order');
      const departmentCode = workOrder.topic.split('.')[1] ?? 'URBAN';
      const answering = { petitionId, departmentCode };
      const at = (): string => new Date().toISOString();
      await sendDepartmentResponse(
        producer,
        'department.acknowledged',
        { ...answering, handler: '网格员周海涛', acknowledgedAt: at() },
        workOrder,
      );
      await sendDepartmentResponse(
        producer,
        'department.resolved',
        { ...answering, result: '已疏通南江北路下水道，污水已清理。', resolvedAt: at() },
        workOrder,
      );
    }

    for (const petitionId of petitionIds) {
      const record = await expectEventually(
        async () => {
          const response = await fetch(`${system.url('disclosure')}/public/records/${petitionId}`);
          expect(response.status).toBe(200);
          return response.text();
        },
        { timeoutMs: 60000 },
      );
      expect(JSON.parse(record)).toMatchObject({ petitionId, unit: 'NANJIANG' });
      publicResponses.push(record);
    }
    publicResponses.push(await (await fetch(`${system.url('disclosure')}/public/records?limit=500`)).text());
  });

  it('refuses bad bodies holding personal data without echoing or logging them', async () => {
    const [first] = planted;
    if (!first) throw new Error('nothing planted');
    const base = { channel: CHANNEL, text: TEXT, unit: 'NANJIANG' };
    const bad = `e2e-pii-bad-${Date.now()}`;
    const bodies = [
      // Invalid: a wrong check digit, beside valid planted fields.
      JSON.stringify({
        ...base,
        channelMessageId: `${bad}-1`,
        reporter: { ...first.posted, idNumber: residentIdNumber({ valid: false }) },
      }),
      // Invalid: a field the reporter object does not have.
      JSON.stringify({ ...base, channelMessageId: `${bad}-2`, reporter: { email: first.posted.handle } }),
    ];
    for (const body of bodies) {
      const response = await signedPost(system.url('intake'), body);
      expect(response.status).toBe(400);
      expect(plantedIn(await response.text(), planted)).toEqual([]);
    }
    // Malformed JSON is refused before anything reads it, without quoting the body back or logging it.
    const truncated = JSON.stringify({ ...base, channelMessageId: `${bad}-3`, reporter: first.posted }).slice(0, -3);
    const malformed = await signedPost(system.url('intake'), truncated);
    expect(malformed.status).toBe(400);
    expect(plantedIn(await malformed.text(), planted)).toEqual([]);
    const rows = await db.query<{ count: string }>(
      'SELECT count(*) AS count FROM intake.petitions WHERE starts_with(channel_message_id, $1)',
      [bad],
    );
    expect(rows[0]?.count).toBe('0');
  });

  it('stores the reporter only as ciphertext under the current key, which decrypts to the normalised values', async () => {
    for (const [index, petitionId] of petitionIds.entries()) {
      const [row] = await db.query<Record<string, string | null>>(
        'SELECT reporter_name, reporter_phone, reporter_id_number, reporter_handle FROM intake.petitions WHERE id = $1',
        [petitionId],
      );
      const reporter = planted[index];
      if (!row || !reporter) throw new Error(`petition ${petitionId} not stored`);
      const expected = {
        reporter_name: reporter.stored.name,
        reporter_phone: reporter.stored.phone,
        reporter_id_number: reporter.stored.idNumber,
        reporter_handle: reporter.stored.handle,
      };
      for (const [column, plain] of Object.entries(expected)) {
        const sealed = row[column] ?? '';
        expect(sealed).toMatch(/^v1:e2e-2:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
        expect(plantedIn(sealed, planted)).toEqual([]);
        expect(openSealed(sealed, KEYS)).toEqual({ keyId: 'e2e-2', plain });
      }
    }
  });

  it('carries no planted value on any topic, in any header, key or value', async () => {
    const endOffsets = await topicEnds(admin, topics);
    await expectEventually(
      () => {
        const missing = missingOffsets(startOffsets, endOffsets, recorder.messages());
        if (missing.length > 0) throw new Error(`not read yet: ${missing.slice(0, 5).join(', ')}`);
      },
      { timeoutMs: 30000, description: 'every message produced during the test read' },
    );
    const messages = recorder.messages();
    const ours = messages.filter((m) => m.key !== null && petitionIds.includes(m.key));
    expect(ours.filter((m) => m.headers['event-type'] === 'record.published')).toHaveLength(planted.length);
    expect(ours.filter((m) => m.topic.endsWith('.dlq'))).toEqual([]);
    const leaks = messages
      .map((m) => (isReply(m) ? withoutRecipient(m).rest : m))
      .flatMap((m) => plantedIn(textOf(m), planted).map((form) => `${m.topic}: ${form}`));
    expect(leaks).toEqual([]);
  });

  it('addresses the replies to each reporter by their handle, and names them nowhere else in the reply', () => {
    for (const [index, petitionId] of petitionIds.entries()) {
      const replies = recorder.messages(Topics.channelOutbound).filter((m) => m.key === petitionId);
      const kinds = replies.map((m) => (JSON.parse(m.value ?? '{}') as ChannelReplyRequestedV1).kind);
      expect(kinds).toEqual(expect.arrayContaining(['assignment', 'result', 'survey']));
      // The handle, as stored: not the name, the phone or the ID number, which the channel does not need.
      const recipients = new Set(replies.map((m) => withoutRecipient(m).recipient));
      expect(recipients).toEqual(new Set([planted[index]?.stored.handle]));
    }
  });

  it('shows no planted value on the public API', () => {
    expect(publicResponses.length).toBe(planted.length + 1);
    expect(publicResponses.flatMap((response) => plantedIn(response, planted))).toEqual([]);
  });

  it('keeps no planted value in any other table of any service', async () => {
    const tables = await db.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema IN ('intake', 'routing', 'deadlines', 'accountability', 'disclosure')`,
    );
    expect(tables.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const { table_schema: schema, table_name: table } of tables) {
      const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${schema}"."${table}" t`);
      for (const { row } of rows) leaks.push(...plantedIn(row, planted).map((form) => `${schema}.${table}: ${form}`));
    }
    expect(leaks).toEqual([]);
  });

  it('logs no planted value in any of the five services, through to a clean stop', async () => {
    const codes = await system.stop();
    expect(Object.values(codes)).toEqual([0, 0, 0, 0, 0]);
    const logs = system.logs();
    expect(logs).toContain('ready: http://');
    expect(logs).not.toMatch(/demo key/); // INTAKE_PII_KEYS is set: no demo-key warning
    expect(plantedIn(logs, planted)).toEqual([]);
  });
});
