import { newEventId, Topics } from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, ensureTopics, expectEventually, moveGroupToEnd } from '@petitions/testing';
import type { Admin, Producer } from 'kafkajs';
import { sendAssignments, setDeadlineTime } from '../../support/deadline';
import { sendDepartmentResponse } from '../../support/department';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;

interface ClocksView {
  clocks: { state: string; dueAt: string | null; steps: { stepId: string; status: string }[] }[];
  holdings: {
    departmentCode: string;
    heldUntil: string | null;
    endedBy: string | null;
    countedSeconds: number | null;
  }[];
}

/**
 * The life of a clock through deadline-tracking's own interfaces (Kafka in, HTTP commands, the outbox out): pause
 * and resume, an extension asked for by the holder and decided by the level above (once unless approved again), a
 * transfer (who held the clock), and the stop.
 */
describe('a clock paused, resumed, extended, transferred and stopped', () => {
  const kafka = createTestKafka();
  let admin: Admin;
  let producer: Producer;
  let db: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await TestDatabase.create('it_deadline_life');
    const groupPrefix = `it-life-${Date.now()}.`;
    admin = kafka.admin();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await Promise.all([admin.connect(), producer.connect()]);
    await ensureTopics(admin, [Topics.routingEvents, Topics.deptResponses, Topics.deadlineEvents]);
    for (const topic of [Topics.routingEvents, Topics.deptResponses]) {
      await moveGroupToEnd(admin, consumerGroupId(groupPrefix, 'deadline-tracking', topic), topic);
    }
    service = await ServiceProcess.start('deadline-tracking', 3196, {
      env: {
        DATABASE_URL: db.url,
        KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
        DEADLINE_SCAN_INTERVAL_MS: '100',
        DEADLINE_TIME_CONTROL: 'true',
      },
    });
  });

  afterAll(async () => {
    await service?.stop();
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await db.drop();
  });

  async function call(method: string, path: string, body?: object): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: await response.json() };
  }

  async function view(petitionId: string): Promise<ClocksView> {
    const { status, json } = await call('GET', `/clocks/${petitionId}`);
    expect(status).toBe(200);
    return json as ClocksView;
  }

  async function emitted(petitionId: string, type: string): Promise<Record<string, unknown>[]> {
    const rows = await db.query<{ payload: string }>(
      'SELECT payload FROM deadlines.outbox_messages WHERE message_key = $1 AND event_type = $2 ORDER BY id',
      [petitionId, type],
    );
    return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
  }

  it('moves its due time by the pause and the extension, and records who held it', async () => {
    const petitionId = newEventId();
    await sendAssignments(producer, [{ petitionId, receivedAt: new Date() }]);
    const armed = await expectEventually(async () => {
      const clocks = (await view(petitionId)).clocks;
      expect(clocks).toHaveLength(1);
      return clocks[0];
    });
    const dueAt = Date.parse(armed?.dueAt ?? '');

    // Only the holding department may pause; paused, nothing counts and nothing fires.
    expect(
      (await call('POST', `/clocks/${petitionId}/pause`, { departmentCode: 'WATER', reason: 'awaiting-citizen' }))
        .status,
    ).toBe(403);
    const paused = await call('POST', `/clocks/${petitionId}/pause`, {
      departmentCode: 'URBAN',
      reason: 'awaiting-citizen',
      comment: '约定上门时间',
    });
    expect(paused.status).toBe(200);
    await setDeadlineTime(service.url, 10 * DAY_MS);
    expect((await view(petitionId)).clocks[0]).toMatchObject({ state: 'paused', dueAt: null });
    const resumed = await call('POST', `/clocks/${petitionId}/resume`, { departmentCode: 'URBAN' });
    expect(resumed.status).toBe(200);
    const afterPause = Date.parse((resumed.json as { dueAt: string }).dueAt);
    // The pause lasted ~10 days of test time: the due time moved by that much (give or take the seconds in between).
    expect(Math.abs(afterPause - dueAt - 10 * DAY_MS)).toBeLessThan(60_000);
    expect(await emitted(petitionId, 'deadline.step-reached')).toEqual([]);
    expect(await emitted(petitionId, 'deadline.paused')).toEqual([
      expect.objectContaining({ reason: 'awaiting-citizen', comment: '约定上门时间', departmentCode: 'URBAN' }),
    ]);

    // An extension: asked by the holder, one at a time, decided by the level above, once unless approved again.
    const requested = await call('POST', `/clocks/${petitionId}/extensions`, {
      departmentCode: 'URBAN',
      days: 2,
      reason: '需协调供电公司停电施工',
    });
    expect(requested.status).toBe(201);
    const { extensionId } = requested.json as { extensionId: string };
    const again = await call('POST', `/clocks/${petitionId}/extensions`, {
      departmentCode: 'URBAN',
      days: 1,
      reason: 'x',
    });
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'EXTENSION_PENDING' } } });
    const decision = `/clocks/${petitionId}/extensions/${extensionId}/decision`;
    expect((await call('POST', decision, { approved: true, decidedBy: '镇长', level: 'town' })).status).toBe(403);
    const approved = await call('POST', decision, {
      approved: true,
      decidedBy: '区政府办',
      level: 'district-leadership',
    });
    expect(approved.status).toBe(200);
    expect(Date.parse((approved.json as { dueAt: string }).dueAt) - afterPause).toBe(2 * DAY_MS);
    const third = await call('POST', `/clocks/${petitionId}/extensions`, {
      departmentCode: 'URBAN',
      days: 1,
      reason: 'x',
    });
    expect(third).toMatchObject({ status: 409, json: { error: { code: 'EXTENSION_NOT_ALLOWED' } } });

    // Transferred to WATER: URBAN's holding is closed and announced; URBAN may no longer act on the clock.
    await sendAssignments(producer, [
      { petitionId, receivedAt: new Date(), assignedAt: new Date(Date.now() + 10 * DAY_MS), departmentCode: 'WATER' },
    ]);
    await expectEventually(async () => expect((await view(petitionId)).holdings).toHaveLength(2));
    expect((await call('POST', `/clocks/${petitionId}/resume`, { departmentCode: 'URBAN' })).status).toBe(409);
    expect(
      (await call('POST', `/clocks/${petitionId}/pause`, { departmentCode: 'URBAN', reason: 'awaiting-citizen' }))
        .status,
    ).toBe(403);

    // WATER resolves it: the clock stops within its moved deadline; WATER's holding closes.
    await sendDepartmentResponse(producer, 'department.resolved', {
      petitionId,
      departmentCode: 'WATER',
      result: '已处理',
      resolvedAt: new Date(Date.now() + 10 * DAY_MS).toISOString(),
    });
    await expectEventually(async () => expect(await emitted(petitionId, 'deadline.stopped')).toHaveLength(1));
    expect((await emitted(petitionId, 'deadline.stopped'))[0]).toMatchObject({ withinDeadline: true });
    const holdings = await emitted(petitionId, 'deadline.holding-recorded');
    expect(holdings.map((holding) => [holding.departmentCode, holding.endedBy])).toEqual([
      ['URBAN', 'transferred'],
      ['WATER', 'stopped'],
    ]);
    // URBAN held it for ~10 days of (test) wall time, but paused: almost none of that counted.
    expect(Number(holdings[0]?.countedSeconds)).toBeLessThan(3600);
    expect(Number(holdings[0]?.heldSeconds)).toBeGreaterThan(9 * 86_400);
    expect((await view(petitionId)).clocks[0]?.state).toBe('stopped');
  });
});
