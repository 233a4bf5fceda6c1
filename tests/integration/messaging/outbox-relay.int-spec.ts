import { Topics } from '@petitions/contracts';
import {
  createKafka,
  EventFactory,
  KafkaMessagePublisher,
  Outbox,
  OutboxMessageEntity,
  OutboxRelay,
  type OutboxPayloadCodec,
} from '@petitions/messaging';
import { createServiceDataSource, ManualClock, runServiceMigrations, UnitOfWork } from '@petitions/platform';
import { createTestKafka, expectEventually, TopicRecorder } from '@petitions/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { newEventId } from '@petitions/contracts';

const SCHEMA = `it_outbox_${Date.now()}`;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

class OutboxTable1700000000001 implements MigrationInterface {
  name = 'OutboxTable1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${SCHEMA}".outbox_messages (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE, topic text NOT NULL, message_key text NOT NULL, event_type text NOT NULL,
      headers jsonb NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz)`);
  }
  async down(): Promise<void> {}
}

/** Seals one event type at rest (as intake seals its replies), the others stay JSON. */
const SEALED_TYPE = 'deadline.breached';
const codec: OutboxPayloadCodec = {
  seal: (type, json) => (type === SEALED_TYPE ? `sealed:${Buffer.from(json).toString('base64')}` : json),
  open: (type, stored) =>
    type === SEALED_TYPE ? Buffer.from(stored.slice('sealed:'.length), 'base64').toString('utf8') : stored,
};

describe('the outbox relay', () => {
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let outbox: Outbox;
  let relay: OutboxRelay;
  let publisher: KafkaMessagePublisher;
  let recorder: TopicRecorder;
  const events = new EventFactory('it-outbox', new ManualClock(new Date('2026-07-07T20:05:00Z')));

  function deadlineArmed(petitionId: string, policy: string): ReturnType<typeof events.create<'deadline.armed'>> {
    return events.create(
      'deadline.armed',
      {
        petitionId,
        clockId: newEventId(),
        policy,
        departmentCode: 'POWER',
        startedAt: '2026-07-07T20:05:00.000Z',
        dueAt: '2026-07-12T20:05:00.000Z',
      },
      { key: petitionId, petitionId },
    );
  }

  beforeAll(async () => {
    dataSource = createServiceDataSource({
      url: DATABASE_URL,
      schema: SCHEMA,
      applicationName: 'it-outbox',
      poolSize: 4,
      entities: [OutboxMessageEntity],
      migrations: [OutboxTable1700000000001],
    });
    await dataSource.initialize();
    await runServiceMigrations(dataSource, SCHEMA);
    unitOfWork = new UnitOfWork(dataSource);
    outbox = new Outbox(unitOfWork, SCHEMA, codec);
    const kafka = createKafka({
      brokers: [process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'],
      clientId: 'it-outbox',
      topicPartitions: 12,
    });
    publisher = new KafkaMessagePublisher(kafka);
    recorder = await TopicRecorder.start(createTestKafka(), [Topics.deadlineEvents], { fromBeginning: false });
    // A poll interval far longer than the test: only the NOTIFY sent at commit can wake the relay in time.
    relay = new OutboxRelay(dataSource, publisher, {
      databaseUrl: DATABASE_URL,
      schema: SCHEMA,
      idlePollMs: 600000,
      codec,
    });
    relay.start();
    await expectEventually(async () => expect(await relay.backlog()).toBe(0));
  });

  afterAll(async () => {
    await relay?.stop(5000);
    await recorder?.stop();
    await publisher?.disconnect();
    await dataSource.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await dataSource.destroy();
  });

  it('publishes a committed event promptly, woken by the commit rather than by polling', async () => {
    const petitionId = newEventId();
    const event = deadlineArmed(petitionId, 'general@1');
    const committedAt = Date.now();
    await unitOfWork.run(() => outbox.append([event]));
    const [message] = await recorder.waitFor((all) => all.some((m) => m.key === petitionId), 5000);
    expect(Date.now() - committedAt).toBeLessThan(5000);
    const published = recorder.messages().find((m) => m.key === petitionId);
    expect(published?.headers['event-id']).toBe(event.envelope.eventId);
    expect(published?.headers['event-type']).toBe('deadline.armed');
    expect(JSON.parse(published?.value ?? '{}')).toEqual(event.payload);
    expect(message).toBeDefined();
    await expectEventually(async () => expect(await relay.backlog()).toBe(0));
  });

  it('publishes nothing from a transaction that rolled back', async () => {
    const rolledBack = newEventId();
    const committed = newEventId();
    await expect(
      unitOfWork.run(async () => {
        await outbox.append([deadlineArmed(rolledBack, 'general@1')]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await unitOfWork.run(() => outbox.append([deadlineArmed(committed, 'general@1')]));
    await recorder.waitFor((all) => all.some((m) => m.key === committed), 5000);
    expect(recorder.messages().filter((m) => m.key === rolledBack)).toHaveLength(0);
  });

  it('keeps the order of one key across many transactions', async () => {
    const petitionId = newEventId();
    for (let i = 0; i < 30; i += 1) {
      await unitOfWork.run(() => outbox.append([deadlineArmed(petitionId, `order@${i}`)]));
    }
    const all = await recorder.waitFor((messages) => messages.filter((m) => m.key === petitionId).length === 30, 15000);
    const policies = all
      .filter((m) => m.key === petitionId)
      .map((m) => (JSON.parse(m.value ?? '{}') as { policy: string }).policy);
    expect(policies).toEqual(Array.from({ length: 30 }, (_, i) => `order@${i}`));
  });

  it('keeps a payload as its codec seals it, and publishes it opened', async () => {
    const petitionId = newEventId();
    const breached = events.create(
      SEALED_TYPE,
      {
        petitionId,
        clockId: newEventId(),
        departmentCode: 'POWER',
        dueAt: '2026-07-12T20:05:00.000Z',
        breachedAt: '2026-07-12T20:05:00.000Z',
      },
      { key: petitionId, petitionId },
    );
    await unitOfWork.run(() => outbox.append([breached]));
    const [row] = await dataSource.query<{ payload: string }[]>(
      `SELECT payload FROM "${SCHEMA}".outbox_messages WHERE message_key = $1`,
      [petitionId],
    );
    expect(row?.payload).toMatch(/^sealed:/);
    const published = (await recorder.waitFor((all) => all.some((m) => m.key === petitionId), 5000)).find(
      (m) => m.key === petitionId,
    );
    expect(JSON.parse(published?.value ?? '{}')).toEqual(breached.payload);
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(outbox.append([deadlineArmed(newEventId(), 'general@1')])).rejects.toThrow(/no transaction/);
  });
});
