import { newEventId, Topics } from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, ensureTopics, expectEventually, moveGroupToEnd } from '@petitions/testing';
import type { Admin, Producer } from 'kafkajs';
import { sendAssignments, setDeadlineTime } from '../../support/deadline';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** general@2 has four steps: acknowledgement, reminder-50, reminder-80, breach. */
const GENERAL_STEPS = 4;

/**
 * The timer engine under what processes go through: a replica killed in the middle of a firing, a replica paused
 * (SIGSTOP) past its lease and then resumed, several replicas at once, and downtime. Each step of each clock must
 * fire exactly once: one clock_steps row, one deadline.step-reached in the outbox.
 */
describe('deadline timers fire exactly once, in due order', () => {
  const kafka = createTestKafka();
  let admin: Admin;
  let producer: Producer;
  let db: TestDatabase;
  const started: ServiceProcess[] = [];
  let groupPrefix = '';

  async function startReplica(port: number, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const replica = await ServiceProcess.start('deadline-tracking', port, {
      env: {
        DATABASE_URL: db.url,
        KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
        DEADLINE_SCAN_INTERVAL_MS: '100',
        DEADLINE_TIME_CONTROL: 'true',
        ...env,
      },
    });
    started.push(replica);
    return replica;
  }

  /** Routing's `petition.assigned` for general petitions received `ageMs(index)` ago. */
  function assign(petitionIds: string[], ageMs: (index: number) => number): Promise<void> {
    return sendAssignments(
      producer,
      petitionIds.map((petitionId, index) => ({ petitionId, receivedAt: new Date(Date.now() - ageMs(index)) })),
    );
  }

  function setOffset(replica: ServiceProcess, offsetMs: number): Promise<void> {
    return setDeadlineTime(replica.url, offsetMs);
  }

  async function stepsPerClock(petitionIds: string[]): Promise<{ petition_id: string; steps: number }[]> {
    return db.query(
      `SELECT c.petition_id, count(s.step_id)::int AS steps FROM deadlines.clocks c
         LEFT JOIN deadlines.clock_steps s ON s.clock_id = c.id AND s.outcome = 'fired'
        WHERE c.petition_id = ANY($1) GROUP BY c.petition_id`,
      [petitionIds],
    );
  }

  async function waitAllFired(petitionIds: string[], timeoutMs = 90_000): Promise<void> {
    await expectEventually(
      async () => {
        const rows = await stepsPerClock(petitionIds);
        expect(rows).toHaveLength(petitionIds.length);
        expect(rows.filter((row) => row.steps !== GENERAL_STEPS)).toEqual([]);
      },
      { timeoutMs, intervalMs: 250, description: 'every step of every clock fired' },
    );
  }

  /** Exactly once, from the events' side: per petition one step-reached per step and one breached. */
  async function expectExactlyOnce(petitionIds: string[]): Promise<void> {
    const events = await db.query<{ key: string; type: string; step: string | null; n: number }>(
      `SELECT message_key AS key, event_type AS type, payload::jsonb ->> 'stepId' AS step, count(*)::int AS n
         FROM deadlines.outbox_messages
        WHERE message_key = ANY($1) AND event_type IN ('deadline.step-reached', 'deadline.breached')
        GROUP BY 1, 2, 3`,
      [petitionIds],
    );
    expect(events.filter((row) => row.n !== 1)).toEqual([]);
    expect(events.filter((row) => row.type === 'deadline.step-reached')).toHaveLength(
      petitionIds.length * GENERAL_STEPS,
    );
    expect(events.filter((row) => row.type === 'deadline.breached')).toHaveLength(petitionIds.length);
    const pending = await db.query(
      `SELECT 1 FROM deadlines.timers t JOIN deadlines.clocks c ON c.id = t.owner_id
        WHERE c.petition_id = ANY($1) AND t.state = 'pending'`,
      [petitionIds],
    );
    expect(pending).toEqual([]);
  }

  beforeEach(async () => {
    db = await TestDatabase.create('it_deadline_timers');
    groupPrefix = `it-timers-${Date.now()}.`;
    for (const topic of [Topics.routingEvents, Topics.deptResponses]) {
      await moveGroupToEnd(admin, consumerGroupId(groupPrefix, 'deadline-tracking', topic), topic);
    }
  });

  beforeAll(async () => {
    admin = kafka.admin();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await Promise.all([admin.connect(), producer.connect()]);
    await ensureTopics(admin, [Topics.routingEvents, Topics.deptResponses, Topics.deadlineEvents]);
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((replica) => replica.stop()));
    await db.drop();
  });

  afterAll(async () => {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  it('a replica killed in the middle of a firing leaves nothing; two other replicas fire everything once', async () => {
    const petitionIds = Array.from({ length: 30 }, () => newEventId());
    const dying = await startReplica(3190, { DEADLINE_FAULT_MID_FIRING: 'exit' });
    await assign(petitionIds, () => 6 * DAY_MS);

    expect(await dying.exited()).toBe(87);
    expect(dying.logs()).toContain('fault injection: exit in the middle of firing');
    // Its transaction never committed: the clocks it armed are there, no step fired.
    const armed = await db.query('SELECT 1 FROM deadlines.clocks WHERE petition_id = ANY($1)', [petitionIds]);
    expect(armed.length).toBeGreaterThan(0);
    expect((await stepsPerClock(petitionIds)).filter((row) => row.steps > 0)).toEqual([]);

    await Promise.all([startReplica(3191), startReplica(3192)]);
    await waitAllFired(petitionIds);
    await expectExactlyOnce(petitionIds);
  });

  it('a replica paused past its lease loses its firing; another fires; resumed, it cannot fire again', async () => {
    const petitionIds = Array.from({ length: 20 }, () => newEventId());
    const paused = await startReplica(3193, { DEADLINE_FAULT_MID_FIRING: 'stop', DEADLINE_FIRING_LEASE_MS: '2000' });
    // Arm every clock with time held back (nothing due), so that the pause hits a firing, not a consumer.
    await setOffset(paused, -30 * DAY_MS);
    await assign(petitionIds, () => 6 * DAY_MS);
    await expectEventually(async () => {
      const clocks = await db.query('SELECT 1 FROM deadlines.clocks WHERE petition_id = ANY($1)', [petitionIds]);
      expect(clocks).toHaveLength(petitionIds.length);
    });
    await setOffset(paused, 0);
    await expectEventually(() => expect(paused.logs()).toContain('fault injection: stop in the middle of firing'), {
      timeoutMs: 60_000,
      description: 'the first replica stopped itself mid-firing',
    });

    // PostgreSQL ends the stopped replica's transaction after the lease; the second replica takes over.
    await startReplica(3194);
    await waitAllFired(petitionIds);
    paused.signal('SIGCONT');
    await expectEventually(() => expect(paused.logs()).toContain('firing due timers failed'), {
      timeoutMs: 30_000,
      description: 'the resumed replica finds its firing cut off',
    });
    await expectExactlyOnce(petitionIds);
  });

  it('after downtime, overdue steps fire in due order across all clocks', async () => {
    const petitionIds = Array.from({ length: 12 }, () => newEventId());
    const first = await startReplica(3195);
    // Freeze the clocks in the past (test time), arm them, stop the service.
    await setOffset(first, -30 * DAY_MS);
    // Received 6 days ago, give or take up to 3 days, in shuffled order.
    await assign(petitionIds, (index) => 6 * DAY_MS + ((index * 7) % 12) * 6 * HOUR_MS);
    await expectEventually(async () => {
      const clocks = await db.query('SELECT 1 FROM deadlines.clocks WHERE petition_id = ANY($1)', [petitionIds]);
      expect(clocks).toHaveLength(petitionIds.length);
    });
    expect(await first.stop()).toBe(0);
    expect((await stepsPerClock(petitionIds)).filter((row) => row.steps > 0)).toEqual([]);

    // Downtime is over: time is back to now, and every step of every clock is overdue.
    await db.query('UPDATE deadlines.time_offset SET offset_ms = 0');
    await startReplica(3195);
    await waitAllFired(petitionIds);
    const fired = await db.query<{ scheduled: string }>(
      `SELECT payload::jsonb ->> 'scheduledAt' AS scheduled FROM deadlines.outbox_messages
        WHERE message_key = ANY($1) AND event_type = 'deadline.step-reached' ORDER BY id`,
      [petitionIds],
    );
    const times = fired.map((row) => Date.parse(row.scheduled));
    expect(times).toHaveLength(petitionIds.length * GENERAL_STEPS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    await expectExactlyOnce(petitionIds);
  });
});
