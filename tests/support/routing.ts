import { randomBytes, randomUUID } from 'node:crypto';
import {
  deptAssignmentsTopic,
  envelopeToHeaders,
  newEventId,
  Topics,
  type PetitionReceivedV1,
} from '@petitions/contracts';
import { DEPARTMENT_CODES } from '@petitions/district';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, ensureTopics, moveGroupToEnd, TopicRecorder, type RecordedMessage } from '@petitions/testing';
import type { Producer } from 'kafkajs';
import { ServiceProcess } from './service-process';
import { TestDatabase } from './test-database';

/** Every topic routing writes to, for a recorder. */
export const ROUTING_OUTPUT_TOPICS = [
  Topics.routingEvents,
  Topics.channelOutbound,
  Topics.deptResponses,
  ...DEPARTMENT_CODES.map(deptAssignmentsTopic),
];

/** Bearer tokens for the tests (configuration values, ≥ 32 characters). */
export const TOKENS = {
  operator: 'test-operator-token-0123456789abcdef-triage',
  admin: 'test-admin-token-0123456789abcdef-district',
  fire: 'test-department-token-FIRE-0123456789abcdef',
  power: 'test-department-token-POWER-0123456789abcd',
  urban: 'test-department-token-URBAN-0123456789abcd',
} as const;

/** The routing environment of the tests: operators and three department systems. */
export function routingCredentialsEnv(): Record<string, string> {
  return {
    ROUTING_OPERATOR_TOKENS: JSON.stringify([
      { id: 'op-triage', token: TOKENS.operator, roles: ['triage'] },
      { id: 'op-admin', token: TOKENS.admin, roles: ['admin'] },
    ]),
    ROUTING_DEPARTMENT_CREDENTIALS: JSON.stringify([
      { id: 'fire-system', department: 'FIRE', token: TOKENS.fire },
      { id: 'power-system', department: 'POWER', token: TOKENS.power },
      { id: 'urban-system', department: 'URBAN', token: TOKENS.urban },
    ]),
  };
}

/** A fresh consumer-group prefix whose routing group starts at the end of petition.events (no old history). */
export async function freshRoutingGroups(label: string): Promise<string> {
  const prefix = `it-${label}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}.`;
  const admin = createTestKafka().admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [Topics.petitionEvents, Topics.deptResponses, ...ROUTING_OUTPUT_TOPICS]);
    await moveGroupToEnd(admin, consumerGroupId(prefix, 'routing', Topics.petitionEvents), Topics.petitionEvents);
    await moveGroupToEnd(admin, consumerGroupId(prefix, 'routing', Topics.deptResponses), Topics.deptResponses);
  } finally {
    await admin.disconnect();
  }
  return prefix;
}

/** A petition.received as intake writes it (one of its own channel message ids). */
export function aPetition(overrides: Partial<PetitionReceivedV1> = {}): PetitionReceivedV1 {
  return {
    petitionId: randomUUID(),
    trackingCode: 'TEST-0000-0001',
    channel: 'wechat-resident',
    channelMessageId: `it-${randomUUID()}`,
    text: '南江北路下水道堵塞污水外流',
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Publishes it on petition.events with intake's envelope; returns the event id (the story's correlation id). */
export async function publishReceived(producer: Producer, payload: PetitionReceivedV1): Promise<string> {
  const eventId = newEventId();
  const headers = envelopeToHeaders({
    eventId,
    type: 'petition.received',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    producer: 'intake',
    petitionId: payload.petitionId,
    correlationId: eventId,
  });
  await producer.send({
    topic: Topics.petitionEvents,
    acks: -1,
    messages: [{ key: payload.petitionId, value: JSON.stringify(payload), headers }],
  });
  return eventId;
}

export function payloadOf<T>(message: RecordedMessage): T {
  return JSON.parse(message.value ?? 'null') as T;
}

/** The messages about one petition of one event type. */
export function about(messages: RecordedMessage[], petitionId: string, type: string): RecordedMessage[] {
  return messages.filter((message) => message.key === petitionId && message.headers['event-type'] === type);
}

/** An HTTP call to routing with a bearer token. */
export function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; contentType?: string } = {},
): Promise<Response> {
  const body =
    init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  return fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(body !== undefined ? { 'content-type': init.contentType ?? 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
}

/** Routing alone as a process on a database of its own, with a recorder of everything it writes and a producer. */
export class RoutingUnderTest {
  private constructor(
    readonly db: TestDatabase,
    readonly routing: ServiceProcess,
    readonly recorder: TopicRecorder,
    readonly producer: Producer,
    /** The environment routing runs with (its database and consumer groups): a replica gets the same. */
    readonly env: Record<string, string>,
  ) {}

  static async start(label: string, port: number, env: Record<string, string> = {}): Promise<RoutingUnderTest> {
    const kafka = createTestKafka();
    const db = await TestDatabase.create(`it_${label.replace(/\W/g, '_')}`);
    const groupPrefix = await freshRoutingGroups(label);
    const recorder = await TopicRecorder.start(kafka, ROUTING_OUTPUT_TOPICS, { fromBeginning: false });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const routingEnv = {
      DATABASE_URL: db.url,
      KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
      ...routingCredentialsEnv(),
      ...env,
    };
    const routing = await ServiceProcess.start('routing', port, { env: routingEnv });
    return new RoutingUnderTest(db, routing, recorder, producer, routingEnv);
  }

  /** Another routing process on the same database and consumer groups (the caller stops it). */
  startReplica(port: number): Promise<ServiceProcess> {
    return ServiceProcess.start('routing', port, { env: this.env });
  }

  get url(): string {
    return this.routing.url;
  }

  /** The messages of one type about one petition, once there are `count` of them. */
  async waitFor(petitionId: string, type: string, count = 1): Promise<RecordedMessage[]> {
    const messages = await this.recorder.waitFor((all) => about(all, petitionId, type).length >= count, 30_000);
    return about(messages, petitionId, type);
  }

  async stop(): Promise<void> {
    await this.recorder.stop();
    await this.producer.disconnect();
    await this.routing.stop();
    await this.db.drop();
  }
}
