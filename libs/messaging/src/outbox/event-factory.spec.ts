import { deptAssignmentsTopic, type EventEnvelope, type EventPayloads } from '@petitions/contracts';
import { ManualClock } from '@petitions/platform';
import { EventFactory } from './event-factory';

const NOW = new Date('2025-06-01T08:00:05.000Z');
const PETITION_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const OTHER_PETITION_ID = '9c858901-8a57-4791-81fe-4c455b099bc9';
const CAUSE_EVENT_ID = '018f3c1e-0000-7000-8000-00000000000a';
const STORY_ID = '018f3c1e-0000-7000-8000-000000000001';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function aFactory(clock = new ManualClock(NOW)): EventFactory {
  return new EventFactory('routing', clock);
}

function aCause(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: CAUSE_EVENT_ID,
    type: 'petition.received',
    schemaVersion: 1,
    occurredAt: '2025-06-01T08:00:00.000Z',
    producer: 'intake',
    petitionId: PETITION_ID,
    correlationId: STORY_ID,
    ...overrides,
  };
}

function aReceivedPayload(): EventPayloads['petition.received'] {
  return {
    petitionId: PETITION_ID,
    trackingCode: '7KQ2-M9XD-4HTA',
    channel: 'hotline-12345',
    channelMessageId: 'call-1',
    text: '伏岭社区停电了',
    receivedAt: '2025-06-01T08:00:00.000Z',
  };
}

function anAssignedPayload(): EventPayloads['petition.assigned'] {
  return {
    petitionId: PETITION_ID,
    departmentCode: 'POWER',
    coDepartments: [],
    category: 'power-outage',
    complexity: 'general',
    urgent: false,
    reason: 'keyword rule power-outage',
    receivedAt: '2025-06-01T08:00:00.000Z',
    assignedAt: '2025-06-01T08:00:05.000Z',
  };
}

function aWorkOrderPayload(): EventPayloads['work-order.issued'] {
  return {
    petitionId: PETITION_ID,
    departmentCode: 'POWER',
    role: 'primary',
    summary: '伏岭社区停电了',
    category: 'power-outage',
    complexity: 'general',
    urgent: false,
    coDepartments: [],
    resolveBy: '2025-06-06T08:00:00.000Z',
    issuedAt: '2025-06-01T08:00:05.000Z',
  };
}

describe('EventFactory', () => {
  it('given no cause, when an event is created, then the envelope comes from the catalogue, the clock and the producer', () => {
    const payload = aReceivedPayload();
    const event = aFactory().create('petition.received', payload, { key: PETITION_ID });
    expect(event.topic).toBe('petition.events');
    expect(event.key).toBe(PETITION_ID);
    expect(event.payload).toBe(payload);
    expect(event.envelope).toStrictEqual({
      eventId: event.envelope.eventId,
      type: 'petition.received',
      schemaVersion: 1,
      occurredAt: '2025-06-01T08:00:05.000Z',
      producer: 'routing',
      correlationId: event.envelope.eventId,
    });
    expect(event.envelope.eventId).toMatch(UUID_V7);
  });

  it('given no cause, when an event is created, then its correlation id is its own event id and it has no causation id', () => {
    const { envelope } = aFactory().create('petition.received', aReceivedPayload(), { key: PETITION_ID });
    expect(envelope.correlationId).toBe(envelope.eventId);
    expect('causationId' in envelope).toBe(false);
    expect('petitionId' in envelope).toBe(false);
  });

  it('given a petition id option, when an event is created, then the envelope carries it', () => {
    const { envelope } = aFactory().create('petition.received', aReceivedPayload(), {
      key: PETITION_ID,
      petitionId: PETITION_ID,
    });
    expect(envelope.petitionId).toBe(PETITION_ID);
  });

  it('given a cause, when an event is created, then correlation is carried on and causation is the cause event id', () => {
    const { envelope } = aFactory().create('petition.assigned', anAssignedPayload(), {
      key: PETITION_ID,
      cause: aCause(),
    });
    expect(envelope.correlationId).toBe(STORY_ID);
    expect(envelope.causationId).toBe(CAUSE_EVENT_ID);
    expect(envelope.petitionId).toBe(PETITION_ID);
    expect(envelope.eventId).not.toBe(CAUSE_EVENT_ID);
    expect(envelope.eventId).toMatch(UUID_V7);
  });

  it('given a cause and an explicit petition id, when an event is created, then the explicit petition id wins', () => {
    const { envelope } = aFactory().create('petition.assigned', anAssignedPayload(), {
      key: OTHER_PETITION_ID,
      petitionId: OTHER_PETITION_ID,
      cause: aCause(),
    });
    expect(envelope.petitionId).toBe(OTHER_PETITION_ID);
  });

  it('given a cause without a petition id, when an event is created, then the envelope has none either', () => {
    const { petitionId: _none, ...causeWithoutPetition } = aCause();
    const { envelope } = aFactory().create('petition.assigned', anAssignedPayload(), {
      key: PETITION_ID,
      cause: causeWithoutPetition,
    });
    expect('petitionId' in envelope).toBe(false);
    expect(envelope.causationId).toBe(CAUSE_EVENT_ID);
  });

  it('given the clock moves, when events are created, then occurredAt follows the clock', () => {
    const clock = new ManualClock(NOW);
    const factory = aFactory(clock);
    const first = factory.create('petition.received', aReceivedPayload(), { key: PETITION_ID });
    clock.advanceBy(90_000);
    const second = factory.create('petition.received', aReceivedPayload(), { key: PETITION_ID });
    expect(first.envelope.occurredAt).toBe('2025-06-01T08:00:05.000Z');
    expect(second.envelope.occurredAt).toBe('2025-06-01T08:01:35.000Z');
  });

  it('given two events created without event ids, when compared, then their ids differ', () => {
    const factory = aFactory();
    const first = factory.create('petition.received', aReceivedPayload(), { key: PETITION_ID });
    const second = factory.create('petition.received', aReceivedPayload(), { key: PETITION_ID });
    expect(first.envelope.eventId).not.toBe(second.envelope.eventId);
  });

  it('given an explicit event id, when an event is created, then it is kept and is its own correlation id', () => {
    const eventId = '018f3c1e-0000-7000-8000-0000000000ff';
    const { envelope } = aFactory().create('petition.received', aReceivedPayload(), { key: PETITION_ID, eventId });
    expect(envelope.eventId).toBe(eventId);
    expect(envelope.correlationId).toBe(eventId);
  });

  it('given an explicit event id and a cause, when an event is created, then the id is kept and correlation is carried', () => {
    const eventId = '018f3c1e-0000-7000-8000-0000000000ff';
    const { envelope } = aFactory().create('petition.assigned', anAssignedPayload(), {
      key: PETITION_ID,
      eventId,
      cause: aCause(),
    });
    expect(envelope.eventId).toBe(eventId);
    expect(envelope.correlationId).toBe(STORY_ID);
  });

  it('given a work order without an explicit topic, when created, then it throws naming the pattern', () => {
    expect(() => aFactory().create('work-order.issued', aWorkOrderPayload(), { key: PETITION_ID })).toThrow(
      'event work-order.issued needs an explicit topic for pattern dept.{departmentCode}.assignments',
    );
  });

  it('given a work order with its department topic, when created, then it goes to that topic with the v1 envelope', () => {
    const event = aFactory().create('work-order.issued', aWorkOrderPayload(), {
      key: PETITION_ID,
      topic: deptAssignmentsTopic('POWER'),
      cause: aCause(),
    });
    expect(event.topic).toBe('dept.POWER.assignments');
    expect(event.envelope.type).toBe('work-order.issued');
    expect(event.envelope.schemaVersion).toBe(1);
    expect(event.envelope.producer).toBe('routing');
  });
});
