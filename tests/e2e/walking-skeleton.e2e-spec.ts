import {
  demoChannelCredential,
  deptAssignmentsTopic,
  signChannelRequest,
  Topics,
  unixSeconds,
} from '@petitions/contracts';
import { createTestKafka, expectEventually, TopicRecorder, type RecordedMessage } from '@petitions/testing';
import type { Producer } from 'kafkajs';
import { sendDepartmentResponse } from '../support/department';
import { RunningSystem, SERVICE_NAMES } from '../support/system';
import { TestDatabase } from '../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;
const TEXT = '南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。';

function payloadOf<T>(message: RecordedMessage): T {
  return JSON.parse(message.value ?? 'null') as T;
}

/** POST /petitions as the channel `as` would: signed with its demo key (intake's default credentials). */
function postPetition(intakeUrl: string, body: object, as: string): Promise<Response> {
  const text = JSON.stringify(body);
  const { keyId, secret } = demoChannelCredential(as);
  return fetch(`${intakeUrl}/petitions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signChannelRequest({ keyId, secret, body: text, timestamp: unixSeconds(new Date()) }),
    },
    body: text,
  });
}

describe('walking skeleton: one petition through all five services', () => {
  const kafka = createTestKafka();
  let db: TestDatabase;
  let system: RunningSystem;
  let recorder: TopicRecorder;
  let producer: Producer;

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_skeleton');
    system = await RunningSystem.start(db, 3201);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    recorder = await TopicRecorder.start(
      kafka,
      [...Object.values(Topics), deptAssignmentsTopic('URBAN'), `${Topics.deptResponses}.dlq`],
      { fromBeginning: false },
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    if (system) await system.stop();
    await db?.drop();
  });

  it('every service reports ready: PostgreSQL and Kafka reachable', async () => {
    for (const name of SERVICE_NAMES) {
      const response = await fetch(`${system.url(name)}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ok',
        checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
      });
    }
  });

  it('takes a petition in, assigns it, clocks it, records it and publishes it', async () => {
    // 1. Intake: 202 once stored; the same channel message again is the same petition.
    const body = {
      channel: 'wechat-resident',
      channelMessageId: `e2e-${Date.now()}`,
      text: `${TEXT} 联系电话13812345678`,
      unit: 'NANJIANG',
    };
    const post = (): Promise<Response> => postPetition(system.url('intake'), body, body.channel);
    const first = await post();
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as { petitionId: string; trackingCode: string; duplicate: boolean };
    expect(accepted.duplicate).toBe(false);
    expect(accepted.trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const again = (await (await post()).json()) as typeof accepted;
    expect(again).toEqual({ ...accepted, duplicate: true });
    const { petitionId } = accepted;
    const about = (m: RecordedMessage): boolean => m.key === petitionId;
    const ofType = (type: string) => (m: RecordedMessage) => about(m) && m.headers['event-type'] === type;
    const waitForType = async (type: string): Promise<RecordedMessage> => {
      const all = await recorder.waitFor((messages) => messages.some(ofType(type)), 30000);
      const found = all.find(ofType(type));
      if (!found) throw new Error(`${type} not recorded`);
      return found;
    };

    // 2. petition.received on petition.events, opening the story (correlation id = its own event id).
    const received = await waitForType('petition.received');
    expect(received.topic).toBe(Topics.petitionEvents);
    expect(received.headers['producer']).toBe('intake');
    expect(received.headers['correlation-id']).toBe(received.headers['event-id']);
    const receivedPayload = payloadOf<{ receivedAt: string; town: string; unit: string; trackingCode: string }>(
      received,
    );
    expect(receivedPayload).toMatchObject({
      unit: 'NANJIANG',
      town: 'FUKOU_TOWN',
      trackingCode: accepted.trackingCode,
    });
    const receivedAt = Date.parse(receivedPayload.receivedAt);
    const correlation = received.headers['correlation-id'];

    // 3. Routing: the department, and the department's own work order.
    const assigned = await waitForType('petition.assigned');
    expect(assigned.topic).toBe(Topics.routingEvents);
    expect(assigned.headers['causation-id']).toBe(received.headers['event-id']);
    expect(payloadOf<{ departmentCode: string; complexity: string }>(assigned)).toMatchObject({
      departmentCode: 'URBAN',
      complexity: 'general',
    });
    const workOrder = await waitForType('work-order.issued');
    expect(workOrder.topic).toBe('dept.URBAN.assignments');
    const order = payloadOf<{ role: string; resolveBy: string; summary: string }>(workOrder);
    expect(order.role).toBe('primary');
    expect(Date.parse(order.resolveBy) - receivedAt).toBe(5 * DAY_MS);

    // 4. Deadline tracking arms a 5-day clock.
    const armed = await waitForType('deadline.armed');
    expect(armed.headers['causation-id']).toBe(assigned.headers['event-id']);
    const clock = payloadOf<{ dueAt: string; policy: string }>(armed);
    expect(Date.parse(clock.dueAt) - receivedAt).toBe(5 * DAY_MS);
    expect(clock.policy).toBe('general@2');

    // 5. The department system answers on dept.responses: acknowledged, then resolved.
    await sendDepartmentResponse(
      producer,
      'department.acknowledged',
      {
        petitionId,
        departmentCode: 'URBAN',
        handler: '网格员周海涛',
        acknowledgedAt: new Date().toISOString(),
      },
      workOrder,
    );
    await sendDepartmentResponse(
      producer,
      'department.resolved',
      {
        petitionId,
        departmentCode: 'URBAN',
        result: '已疏通南江北路下水道，污水已清理，回访居民13812345678表示满意。',
        resolvedAt: new Date().toISOString(),
      },
      workOrder,
    );

    // 6. The clock stops, inside the deadline.
    const stopped = await waitForType('deadline.stopped');
    expect(payloadOf<{ reason: string; withinDeadline: boolean }>(stopped)).toMatchObject({
      reason: 'resolved',
      withinDeadline: true,
    });

    // 7. Accountability reviews the whole history (from four topics) once it is complete.
    const reviewed = await waitForType('petition.reviewed');
    expect(reviewed.topic).toBe(Topics.accountabilityEvents);
    const review = payloadOf<{ findings: string[]; timeline: { eventType: string }[]; departmentCode: string }>(
      reviewed,
    );
    expect(review.findings).toEqual([]);
    expect(review.departmentCode).toBe('URBAN');
    expect(review.timeline.map((entry) => entry.eventType).sort()).toEqual(
      [
        'deadline.armed',
        'deadline.stopped',
        'department.acknowledged',
        'department.resolved',
        'petition.assigned',
        'petition.received',
      ].sort(),
    );

    // 8. Disclosure publishes the record, and serves it on its public API, redacted and chained.
    const published = await waitForType('record.published');
    expect(published.topic).toBe(Topics.disclosureEvents);
    const record = await expectEventually(async () => {
      const response = await fetch(`${system.url('disclosure')}/public/records/${petitionId}`);
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    });
    expect(record).toMatchObject({
      petitionId,
      departmentCode: 'URBAN',
      category: 'sewer-and-drain',
      unit: 'NANJIANG',
      withinDeadline: true,
      findings: [],
      hash: payloadOf<{ hash: string }>(published).hash,
    });
    expect(String(record.resultSummary)).toContain('138****5678');
    expect(JSON.stringify(record)).not.toContain('13812345678');

    // 9. One story: every event about the petition carries the same correlation id; nothing was dead-lettered.
    const story = recorder.messages().filter(about);
    expect(story.length).toBeGreaterThanOrEqual(9);
    expect(new Set(story.map((m) => m.headers['correlation-id']))).toEqual(new Set([correlation]));
    expect(recorder.messages(`${Topics.deptResponses}.dlq`).filter(about)).toHaveLength(0);
  });

  it('rejects a bad petition with the reason for each field, and stores nothing', async () => {
    const bad = { channel: 'fax', channelMessageId: '', text: '', status: 'resolved' };
    const response = await postPetition(system.url('intake'), bad, 'wechat-resident');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; fields: { field: string; problems: string[] }[] };
    };
    expect(error.code).toBe('VALIDATION_FAILED');
    const problemsOf = (field: string): string =>
      error.fields.find((entry) => entry.field === field)?.problems.join('\n') ?? '';
    expect(problemsOf('channel')).toMatch(/channel must be one of/);
    expect(problemsOf('text')).toMatch(/text must be longer than or equal to 1/);
    expect(problemsOf('status')).toMatch(/property status should not exist/);
    const rows = await db.query<{ count: string }>(
      "SELECT count(*) AS count FROM intake.petitions WHERE channel = 'fax'",
    );
    expect(rows[0]?.count).toBe('0');
  });

  it('stops every service cleanly on SIGTERM (exit 0 within 30 s)', async () => {
    const started = Date.now();
    const codes = await system.stop();
    expect(codes).toEqual({ intake: 0, routing: 0, 'deadline-tracking': 0, accountability: 0, disclosure: 0 });
    expect(Date.now() - started).toBeLessThan(30000);
  });
});
