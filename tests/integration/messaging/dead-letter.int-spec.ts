import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { INestMicroservice } from '@nestjs/common';
import { envelopeToHeaders, newEventId, Topics, type DepartmentProgressReportedV1 } from '@petitions/contracts';
import {
  BatchKafkaServer,
  createKafka,
  Inbox,
  InboxMessageEntity,
  KafkaMessagePublisher,
  PropagateErrorsFilter,
  type IncomingEvent,
} from '@petitions/messaging';
import { createServiceDataSource, runServiceMigrations, UnitOfWork } from '@petitions/platform';
import { createTestKafka, ensureTopics, expectEventually, moveGroupToEnd, TopicRecorder } from '@petitions/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = `it_dlq_${Date.now()}`;
const MAX_ATTEMPTS = 5;
const petitionId = newEventId();
const attemptsByNote = new Map<string, number>();

class ProbeTables1700000000000 implements MigrationInterface {
  name = 'ProbeTables1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${SCHEMA}".inbox_messages (consumer_group text NOT NULL, event_id uuid NOT NULL,
      event_type text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer_group, event_id))`);
    await queryRunner.query(`CREATE TABLE "${SCHEMA}".notes (event_id uuid PRIMARY KEY, note text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

@Controller()
class ProbeConsumer {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @EventPattern('department.progress-reported')
  async onProgress(@Payload() event: IncomingEvent<DepartmentProgressReportedV1>): Promise<void> {
    if (event.payload.petitionId !== petitionId) return; // other runs' messages on the shared topic
    attemptsByNote.set(event.payload.note, (attemptsByNote.get(event.payload.note) ?? 0) + 1);
    if (event.payload.note.startsWith('POISON')) throw new Error('probe cannot process this note');
    await this.unitOfWork
      .transactional()
      .query(`INSERT INTO "${SCHEMA}".notes (event_id, note) VALUES ($1, $2)`, [
        event.envelope.eventId,
        event.payload.note,
      ]);
  }
}

function progress(
  note: string,
  extra: Record<string, unknown> = {},
): { key: string; value: string; headers: Record<string, string> } {
  const eventId = newEventId();
  const occurredAt = new Date().toISOString();
  const headers = envelopeToHeaders({
    eventId,
    type: 'department.progress-reported',
    schemaVersion: 1,
    occurredAt,
    producer: 'test',
    petitionId,
    correlationId: eventId,
  });
  const value = JSON.stringify({ petitionId, departmentCode: 'URBAN', note, reportedAt: occurredAt, ...extra });
  return { key: petitionId, value, headers };
}

describe('the batch transport with a poison message', () => {
  const testKafka = createTestKafka();
  let dataSource: DataSource;
  let app: INestMicroservice;
  let recorder: TopicRecorder;
  let publisher: KafkaMessagePublisher;

  beforeAll(async () => {
    dataSource = createServiceDataSource({
      url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      schema: SCHEMA,
      applicationName: 'it-dlq',
      poolSize: 4,
      entities: [InboxMessageEntity],
      migrations: [ProbeTables1700000000000],
    });
    await dataSource.initialize();
    await runServiceMigrations(dataSource, SCHEMA);
    const unitOfWork = new UnitOfWork(dataSource);
    const kafka = createKafka({
      brokers: [process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'],
      clientId: 'it-dlq',
      topicPartitions: 12,
    });
    publisher = new KafkaMessagePublisher(kafka);
    const serviceName = `it-dlq-${Date.now()}`;
    const server = new BatchKafkaServer({
      kafka,
      serviceName,
      unitOfWork,
      inbox: new Inbox(unitOfWork),
      deadLetters: publisher,
      topicPartitions: 12,
      producedTopics: [],
      maxAttempts: MAX_ATTEMPTS,
      retryBaseMs: 10,
      partitionsConcurrency: 2,
    });
    @Module({ controllers: [ProbeConsumer], providers: [{ provide: UnitOfWork, useValue: unitOfWork }] })
    class ProbeModule {}
    app = await NestFactory.createMicroservice(ProbeModule, { strategy: server, logger: ['error', 'warn'] });
    app.useGlobalFilters(new PropagateErrorsFilter());
    // Start from the end of the shared topic: only this test's messages matter.
    const admin = testKafka.admin();
    await admin.connect();
    await ensureTopics(admin, [Topics.deptResponses, `${Topics.deptResponses}.dlq`]);
    await moveGroupToEnd(admin, `${serviceName}.${Topics.deptResponses}`, Topics.deptResponses);
    await admin.disconnect();
    recorder = await TopicRecorder.start(testKafka, [`${Topics.deptResponses}.dlq`], { fromBeginning: false });
    await app.listen();
  });

  afterAll(async () => {
    await app?.close();
    await recorder?.stop();
    await publisher?.disconnect();
    await dataSource.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await dataSource.destroy();
  });

  it('dead-letters the poison message after N attempts and processes the messages behind it', async () => {
    const producer = testKafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const poison = progress('POISON pill');
    const invalid = progress('bad payload', { departmentCode: 'not a code' });
    const unknownBase = progress('unknown type');
    const unknownHeaders: Record<string, string> = { ...unknownBase.headers, 'event-type': 'petition.teleported' };
    const unknown = { ...unknownBase, headers: unknownHeaders };
    await producer.send({
      topic: Topics.deptResponses,
      acks: -1,
      // All under one key: one partition, in this order.
      messages: [progress('first'), poison, progress('second'), invalid, unknown, progress('third')],
    });
    await producer.disconnect();

    await expectEventually(
      async () => {
        const stored: { note: string }[] = await dataSource.query(`SELECT note FROM "${SCHEMA}".notes ORDER BY note`);
        expect(stored).toEqual([{ note: 'first' }, { note: 'second' }, { note: 'third' }]);
      },
      { timeoutMs: 30000, description: 'the messages around the poison one are processed' },
    );

    const dead = await recorder.waitFor((messages) => messages.length >= 3, 30000);
    const poisonLetter = dead.find((m) => m.headers['event-id'] === poison.headers['event-id']);
    expect(poisonLetter).toBeDefined();
    expect(poisonLetter?.key).toBe(petitionId);
    expect(poisonLetter?.value).toBe(poison.value);
    expect(poisonLetter?.headers['dlq-attempts']).toBe(String(MAX_ATTEMPTS));
    expect(poisonLetter?.headers['dlq-reason']).toContain('probe cannot process this note');
    expect(poisonLetter?.headers['dlq-original-topic']).toBe(Topics.deptResponses);
    expect(poisonLetter?.headers['event-type']).toBe('department.progress-reported');
    // One try inside the batch transaction, then MAX_ATTEMPTS alone.
    expect(attemptsByNote.get('POISON pill')).toBe(MAX_ATTEMPTS + 1);

    const invalidLetter = dead.find((m) => m.headers['event-id'] === invalid.headers['event-id']);
    expect(invalidLetter?.headers['dlq-attempts']).toBe('1');
    expect(invalidLetter?.headers['dlq-reason']).toMatch(/departmentCode/);
    const unknownLetter = dead.find((m) => m.headers['event-id'] === unknown.headers['event-id']);
    expect(unknownLetter?.headers['dlq-reason']).toMatch(/petition\.teleported/);
  });
});
