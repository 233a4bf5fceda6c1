import { envelopeToHeaders, newEventId, Topics } from '@petitions/contracts';
import { createTestKafka, ensureTopics, expectEventually, moveGroupToEnd, TopicRecorder } from '@petitions/testing';
import type { Admin, Producer } from 'kafkajs';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

const PETITIONS = 20;
// A group of this run's own: another routing on the same broker (npm start, another test) must not share the work.
const GROUP_PREFIX = `it-crash-${Date.now()}.`;
const ROUTING_GROUP = `${GROUP_PREFIX}routing.${Topics.petitionEvents}`;

function petitionReceived(petitionId: string, index: number): { value: string; headers: Record<string, string> } {
  const eventId = newEventId();
  const payload = {
    petitionId,
    trackingCode: 'TEST-CRSH-0001',
    channel: 'app',
    channelMessageId: `crash-${petitionId}`,
    text: `南江北路下水道堵塞污水外流 #${index}`,
    receivedAt: new Date().toISOString(),
  };
  const headers = envelopeToHeaders({
    eventId,
    type: 'petition.received',
    schemaVersion: 1,
    occurredAt: payload.receivedAt,
    producer: 'test',
    petitionId,
    correlationId: eventId,
  });
  return { value: JSON.stringify(payload), headers };
}

describe('a consumer process killed between its effects and its offset commit', () => {
  const kafka = createTestKafka();
  let admin: Admin;
  let producer: Producer;
  let db: TestDatabase;
  let recorder: TopicRecorder;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    db = await TestDatabase.create('it_crash');
    admin = kafka.admin();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await recorder?.stop();
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await db.drop();
  });

  it('leaves no duplicate effect after the restart', async () => {
    // Start the fresh group at the end of the topic, so that the crash happens on this test's messages.
    await ensureTopics(admin, [Topics.petitionEvents, Topics.routingEvents]);
    await moveGroupToEnd(admin, ROUTING_GROUP, Topics.petitionEvents);

    const crashing = await ServiceProcess.start('routing', 3112, {
      env: { DATABASE_URL: db.url, KAFKA_CONSUMER_GROUP_PREFIX: GROUP_PREFIX, FAULT_EXIT_BEFORE_OFFSET_COMMIT: 'true' },
    });
    services.push(crashing);
    recorder = await TopicRecorder.start(kafka, [Topics.routingEvents], { fromBeginning: false });

    const ids = Array.from({ length: PETITIONS }, () => newEventId());
    await producer.send({
      topic: Topics.petitionEvents,
      acks: -1,
      messages: ids.map((id, index) => ({ key: id, ...petitionReceived(id, index) })),
    });

    // The process really dies (exit code 86 of the fault hook), after its transaction committed.
    expect(await crashing.exited()).toBe(86);
    expect(crashing.logs()).toContain('fault injection: exiting after effects');
    const before = await db.query<{ petition_id: string }>(
      'SELECT petition_id FROM routing.assignments WHERE petition_id = ANY($1)',
      [ids],
    );
    expect(before.length).toBeGreaterThan(0);
    const committed = await admin.fetchOffsets({ groupId: ROUTING_GROUP, topics: [Topics.petitionEvents] });
    const latest = await admin.fetchTopicOffsets(Topics.petitionEvents);
    const lagging = committed[0]?.partitions.filter(
      (p) => latest.find((l) => l.partition === p.partition)?.offset !== p.offset,
    );
    expect(lagging?.length).toBeGreaterThan(0); // the crashed batch's offsets were never committed

    // Restart: Kafka redelivers the uncommitted messages; the inbox makes them change nothing.
    const restarted = await ServiceProcess.start('routing', 3112, {
      env: { DATABASE_URL: db.url, KAFKA_CONSUMER_GROUP_PREFIX: GROUP_PREFIX },
    });
    services.push(restarted);
    await expectEventually(
      async () => {
        const rows = await db.query('SELECT 1 FROM routing.assignments WHERE petition_id = ANY($1)', [ids]);
        expect(rows).toHaveLength(PETITIONS);
      },
      { description: 'every petition assigned after restart' },
    );
    const assignedEvents = await db.query<{ count: string }>(
      "SELECT count(*) AS count FROM routing.outbox_messages WHERE event_type = 'petition.assigned' AND message_key = ANY($1)",
      [ids],
    );
    expect(Number(assignedEvents[0]?.count)).toBe(PETITIONS);
    const workOrders = await db.query<{ count: string }>(
      "SELECT count(*) AS count FROM routing.outbox_messages WHERE event_type = 'work-order.issued' AND message_key = ANY($1)",
      [ids],
    );
    expect(Number(workOrders[0]?.count)).toBe(PETITIONS); // one department each (URBAN), issued once
    expect(restarted.logs()).not.toContain('dead-lettering');

    // On the topic: exactly one distinct petition.assigned event per petition (copies of one event id may be
    // re-sent by the relay after a crash; consumers' inboxes absorb those).
    const published = await recorder.waitFor(
      (messages) => new Set(messages.map((m) => m.headers['petition-id'])).size >= PETITIONS,
      30000,
    );
    for (const id of ids) {
      const eventIds = new Set(
        published
          .filter((m) => m.headers['petition-id'] === id && m.headers['event-type'] === 'petition.assigned')
          .map((m) => m.headers['event-id']),
      );
      expect(eventIds.size).toBe(1);
    }
    expect(await restarted.stop()).toBe(0);
  });
});
