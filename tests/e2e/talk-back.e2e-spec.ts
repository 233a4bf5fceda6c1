import {
  channelMessageKey,
  deadLetterTopic,
  demoChannelCredential,
  envelopeToHeaders,
  newEventId,
  signChannelRequest,
  Topics,
  unixSeconds,
  type ChannelFeedbackReceivedV1,
  type ChannelReplyRequestedV1,
} from '@petitions/contracts';
import { departmentNamed } from '@petitions/district';
import { createTestKafka, expectEventually, TopicRecorder, type RecordedMessage } from '@petitions/testing';
import type { Producer } from 'kafkajs';
import { sendDepartmentResponse } from '../support/department';
import { plantReporter } from '../support/planted-personal-data';
import { RunningSystem } from '../support/system';
import { TestDatabase } from '../support/test-database';

const TEXT = '南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。';
const NOTE = '已派人现场查看，明天上午疏通。';
const RESULT = '已疏通南江北路下水道，污水已清理。';
const COMPLAINT = '下水道还是堵的，污水又冒出来了。';
const DLQ = deadLetterTopic(Topics.channelInbound);
const RUN = Date.now();

interface Accepted {
  petitionId: string;
  trackingCode: string;
}

/** A request signed with `as`'s demo key (intake's default credentials). */
function signedPost(url: string, path: string, body: object, as: string): Promise<Response> {
  const text = JSON.stringify(body);
  const { keyId, secret } = demoChannelCredential(as);
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signChannelRequest({ keyId, secret, body: text, timestamp: unixSeconds(new Date()) }),
    },
    body: text,
  });
}

function payloadOf<T>(message: RecordedMessage): T {
  return JSON.parse(message.value ?? 'null') as T;
}

describe('talking back: replies on channel.outbound, and the citizen’s answer', () => {
  const kafka = createTestKafka();
  const resident = plantReporter('mobile');
  const caller = plantReporter('landline');
  const urban = departmentNamed('URBAN')?.name ?? 'URBAN';
  let db: TestDatabase;
  let system: RunningSystem;
  let producer: Producer;
  let recorder: TopicRecorder;
  let first: Accepted;
  let second: Accepted;

  async function submit(channel: string, reporter: object, suffix: string): Promise<Accepted> {
    const body = { channel, channelMessageId: `e2e-talk-${RUN}-${suffix}`, text: TEXT, unit: 'NANJIANG', reporter };
    const response = await signedPost(system.url('intake'), '/petitions', body, channel);
    expect(response.status).toBe(202);
    return (await response.json()) as Accepted;
  }

  function answer(body: object, as: string): Promise<Response> {
    return signedPost(system.url('intake'), '/petitions/feedback', body, as);
  }

  /** Publishes on channel.inbound as a channel system would (`producer` names it). */
  async function publishInbound(type: string, message: ChannelFeedbackReceivedV1 | object): Promise<void> {
    const eventId = newEventId();
    const { channel = 'x', channelMessageId = eventId } = message as Partial<ChannelFeedbackReceivedV1>;
    await producer.send({
      topic: Topics.channelInbound,
      acks: -1,
      messages: [
        {
          key: channelMessageKey({ channel, channelMessageId }),
          value: JSON.stringify(message),
          headers: envelopeToHeaders({
            eventId,
            type,
            schemaVersion: 1,
            occurredAt: new Date().toISOString(),
            producer: `${channel}-bot`,
            correlationId: eventId,
          }),
        },
      ],
    });
  }

  /** The replies about a petition so far, in the order they were published (one key, one partition). */
  function replies(petitionId: string): ChannelReplyRequestedV1[] {
    return recorder
      .messages(Topics.channelOutbound)
      .filter((m) => m.key === petitionId)
      .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
      .map((m) => payloadOf<ChannelReplyRequestedV1>(m));
  }

  function waitForReplies(petitionId: string, count: number): Promise<ChannelReplyRequestedV1[]> {
    return expectEventually(
      () => {
        const found = replies(petitionId);
        expect(found.length).toBeGreaterThanOrEqual(count);
        return found;
      },
      { timeoutMs: 60_000, description: `${count} replies about ${petitionId}` },
    );
  }

  function petitionEvents(petitionId: string, type: string): RecordedMessage[] {
    return recorder
      .messages(Topics.petitionEvents)
      .filter((m) => m.key === petitionId && m.headers['event-type'] === type);
  }

  async function waitForPetitionEvent(petitionId: string, type: string): Promise<RecordedMessage> {
    await recorder.waitFor(() => petitionEvents(petitionId, type).length > 0, 30_000);
    const [found] = petitionEvents(petitionId, type);
    if (!found) throw new Error(`${type} not recorded`);
    return found;
  }

  async function deadLetterOf(key: string): Promise<RecordedMessage> {
    const isIt = (m: RecordedMessage): boolean => m.topic === DLQ && m.key === key;
    const found = (await recorder.waitFor((messages) => messages.some(isIt), 30_000)).find(isIt);
    if (!found) throw new Error(`no dead letter for ${key}`);
    return found;
  }

  async function outboxCount(petitionId: string, type: string): Promise<number> {
    const rows = await db.query<{ count: string }>(
      'SELECT count(*) AS count FROM intake.outbox_messages WHERE message_key = $1 AND event_type = $2',
      [petitionId, type],
    );
    return Number(rows[0]?.count);
  }

  async function tracking(code: string): Promise<Record<string, unknown> & { timeline: { event: string }[] }> {
    const response = await fetch(`${system.url('intake')}/petitions/track/${code}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown> & { timeline: { event: string }[] };
  }

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_talk_back');
    system = await RunningSystem.start(db, 3261);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    recorder = await TopicRecorder.start(kafka, [Topics.channelOutbound, Topics.petitionEvents, DLQ], {
      fromBeginning: false,
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    if (system) await system.stop();
    await db?.drop();
  });

  it('sends the receipt and the assignment to the chat-group handle the petition came from', async () => {
    first = await submit('wechat-resident', resident.posted, 'resident');
    const [receipt, assignment] = await waitForReplies(first.petitionId, 2);
    const addressed = {
      channel: 'wechat-resident',
      recipientKind: 'handle',
      recipient: resident.stored.handle,
      inReplyTo: `e2e-talk-${RUN}-resident`,
      petitionId: first.petitionId,
      trackingCode: first.trackingCode,
    };
    expect(receipt).toEqual({
      ...addressed,
      kind: 'receipt',
      text: expect.stringMatching(new RegExp(`^已收到您的诉求，查询码 ${first.trackingCode}`)) as string,
    });
    expect(assignment).toEqual({ ...addressed, kind: 'assignment', text: expect.stringContaining(urban) as string });
  });

  it('sends progress, then the result and the survey, as the department answers', async () => {
    const answering = { petitionId: first.petitionId, departmentCode: 'URBAN' };
    await sendDepartmentResponse(producer, 'department.acknowledged', {
      ...answering,
      acknowledgedAt: new Date().toISOString(),
    });
    await sendDepartmentResponse(producer, 'department.progress-reported', {
      ...answering,
      note: NOTE,
      reportedAt: new Date().toISOString(),
    });
    await waitForReplies(first.petitionId, 3);
    await sendDepartmentResponse(producer, 'department.resolved', {
      ...answering,
      result: RESULT,
      resolvedAt: new Date().toISOString(),
    });
    const all = await waitForReplies(first.petitionId, 5);
    expect(all.map((reply) => reply.kind)).toEqual(['receipt', 'assignment', 'progress', 'result', 'survey']);
    expect(all[2]?.text).toContain(`“${NOTE}”`);
    expect(all[3]?.text).toContain(`“${RESULT}”`);
    expect(all[4]?.text).toMatch(/满意.*不满意/);
    expect(new Set(all.map((reply) => reply.recipient))).toEqual(new Set([resident.stored.handle]));
  });

  it('reopens the petition when the citizen answers unsatisfied over HTTP, with their words', async () => {
    const body = {
      channel: 'wechat-resident',
      channelMessageId: `e2e-talk-${RUN}-answer-1`,
      trackingCode: first.trackingCode,
      satisfied: false,
      comment: COMPLAINT,
    };
    // The survey is out only once the projection shows the resolution, so the answer finds it resolved.
    const response = await answer(body, 'wechat-resident');
    expect(response.status).toBe(202);
    const accepted = { petitionId: first.petitionId, trackingCode: first.trackingCode, satisfied: false };
    expect(await response.json()).toEqual({ ...accepted, reopened: true, duplicate: false });

    const feedback = await waitForPetitionEvent(first.petitionId, 'petition.feedback-received');
    expect(payloadOf<object>(feedback)).toEqual({
      petitionId: first.petitionId,
      satisfied: false,
      receivedAt: expect.any(String) as string,
    });
    const reopened = await waitForPetitionEvent(first.petitionId, 'petition.reopened');
    expect(payloadOf<object>(reopened)).toEqual({
      petitionId: first.petitionId,
      reopenCount: 1,
      reason: 'citizen-unsatisfied',
      comment: COMPLAINT,
      previousDepartmentCode: 'URBAN',
      reopenedAt: expect.any(String) as string,
    });
    expect(reopened.headers['causation-id']).toBe(feedback.headers['event-id']);

    // The same message again, or another answer to the same resolution: the first answer, and no second event.
    const again = await answer(body, 'wechat-resident');
    expect(await again.json()).toEqual({ ...accepted, reopened: true, duplicate: true });
    const changedMind = await answer(
      { ...body, channelMessageId: `e2e-talk-${RUN}-answer-2`, satisfied: true, comment: undefined },
      'wechat-resident',
    );
    expect(changedMind.status).toBe(202);
    expect(await changedMind.json()).toEqual({ ...accepted, reopened: true, duplicate: true });
    expect(await outboxCount(first.petitionId, 'petition.feedback-received')).toBe(1);
    expect(await outboxCount(first.petitionId, 'petition.reopened')).toBe(1);

    const view = await tracking(first.trackingCode);
    expect(view).toMatchObject({ status: 'reopened', satisfied: false, reopenCount: 1 });
    expect(view.timeline.map((step) => step.event).slice(-3)).toEqual(['resolved', 'unsatisfied', 'reopened']);
    expect(JSON.stringify(view)).not.toContain(resident.stored.handle);
  });

  it('replies to a hotline caller without a handle by phone, and takes a satisfied answer from channel.inbound', async () => {
    second = await submit('hotline-12345', { name: caller.posted.name, phone: caller.posted.phone }, 'caller');
    const [receipt] = await waitForReplies(second.petitionId, 2);
    expect(receipt).toMatchObject({ channel: 'hotline-12345', recipientKind: 'phone', recipient: caller.stored.phone });

    await sendDepartmentResponse(producer, 'department.resolved', {
      petitionId: second.petitionId,
      departmentCode: 'URBAN',
      result: RESULT,
      resolvedAt: new Date().toISOString(),
    });
    const all = await waitForReplies(second.petitionId, 4);
    expect(all.map((reply) => reply.kind)).toEqual(['receipt', 'assignment', 'result', 'survey']);

    await publishInbound('channel.feedback-received', {
      channel: 'hotline-12345',
      channelMessageId: `e2e-talk-${RUN}-callback`,
      trackingCode: second.trackingCode,
      satisfied: true,
    } satisfies ChannelFeedbackReceivedV1);
    const feedback = await waitForPetitionEvent(second.petitionId, 'petition.feedback-received');
    expect(payloadOf<{ satisfied: boolean }>(feedback).satisfied).toBe(true);
    const view = await expectEventually(async () => {
      const current = await tracking(second.trackingCode);
      expect(current.satisfied).toBe(true);
      return current;
    });
    expect(view).toMatchObject({ status: 'resolved', reopenCount: 0 });
    expect(view.timeline.map((step) => step.event).at(-1)).toBe('satisfied');
    expect(await outboxCount(second.petitionId, 'petition.reopened')).toBe(0);
  });

  it('refuses an answer from another channel than the petition’s, over HTTP and on channel.inbound', async () => {
    const body = {
      channel: 'app',
      channelMessageId: `e2e-talk-${RUN}-intruder`,
      trackingCode: second.trackingCode,
      satisfied: false,
      comment: '不是我的诉求',
    };
    const response = await answer(body, 'app');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'FORBIDDEN', message: 'only the channel the petition came from may answer for it' },
    });
    // Signed by one channel in another's name: refused before the petition is even looked at.
    expect((await answer({ ...body, channel: 'hotline-12345' }, 'app')).status).toBe(403);

    const intruder = { ...body, channel: 'wechat-resident', channelMessageId: `e2e-talk-${RUN}-intruder-kafka` };
    await publishInbound('channel.feedback-received', intruder);
    const parked = await deadLetterOf(channelMessageKey(intruder));
    expect(parked.headers['dlq-reason']).toBe(
      'NonRetryableError: OTHER_CHANNEL: only the channel the petition came from may answer for it',
    );
    expect(await outboxCount(second.petitionId, 'petition.feedback-received')).toBe(1);
  });

  it('refuses an answer before the resolution (409), to an unknown code (404), and an invalid one (400, DLQ)', async () => {
    const third = await submit('wechat-resident', resident.posted, 'early');
    const early = {
      channel: 'wechat-resident',
      channelMessageId: `e2e-talk-${RUN}-early`,
      trackingCode: third.trackingCode,
      satisfied: false,
    };
    const tooEarly = await answer(early, 'wechat-resident');
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.json()).toEqual({
      error: { code: 'NOT_RESOLVED', message: 'the petition is not resolved: there is no result to answer for' },
    });
    const unknown = await answer({ ...early, trackingCode: '2222-2222-2222' }, 'wechat-resident');
    expect(unknown.status).toBe(404);

    const invalid = await answer({ ...early, satisfied: 'no', status: 'closed' }, 'wechat-resident');
    expect(invalid.status).toBe(400);
    const problems = (await invalid.json()) as { error: { code: string; fields: { field: string }[] } };
    expect(problems.error.code).toBe('VALIDATION_FAILED');
    expect(problems.error.fields.map((entry) => entry.field).sort()).toEqual(['satisfied', 'status']);

    const bad = { ...early, channelMessageId: `e2e-talk-${RUN}-bad-kafka`, satisfied: 'yes' };
    await publishInbound('channel.feedback-received', bad);
    const parked = await deadLetterOf(channelMessageKey(bad));
    expect(parked.headers['dlq-reason']).toContain('satisfied: satisfied must be a boolean value');
  });
});
