import { DeadLetterHeader, deadLetterFor, type DeadLetterFacts, type ReceivedMessage } from './dead-letter';

const PETITION_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

function aReceivedMessage(overrides: Partial<ReceivedMessage> = {}): ReceivedMessage {
  return {
    topic: 'dept.POWER.assignments',
    partition: 2,
    offset: '1042',
    key: Buffer.from(PETITION_ID, 'utf8'),
    value: Buffer.from('{"petitionId":"not valid"}', 'utf8'),
    headers: {
      'event-id': '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f',
      'event-type': 'work-order.issued',
      'schema-version': '1',
    },
    ...overrides,
  };
}

function someFacts(overrides: Partial<DeadLetterFacts> = {}): DeadLetterFacts {
  return {
    reason: 'PayloadDecodeError: invalid-payload: petitionId: petitionId must be a UUID',
    attempts: 3,
    consumerGroup: 'petitions.routing',
    failedAt: new Date('2025-06-01T08:30:00.000Z'),
    ...overrides,
  };
}

describe('DeadLetterHeader', () => {
  it('given the contract, when the header names are listed, then they are the dlq-* names', () => {
    expect(DeadLetterHeader).toEqual({
      reason: 'dlq-reason',
      attempts: 'dlq-attempts',
      originalTopic: 'dlq-original-topic',
      originalPartition: 'dlq-original-partition',
      originalOffset: 'dlq-original-offset',
      consumerGroup: 'dlq-consumer-group',
      failedAt: 'dlq-failed-at',
    });
  });
});

describe('deadLetterFor', () => {
  it('given a received message, when dead-lettered, then the original key, bytes and headers go to <topic>.dlq with the dlq headers', () => {
    const message = aReceivedMessage();
    expect(deadLetterFor(message, someFacts())).toEqual({
      topic: 'dept.POWER.assignments.dlq',
      key: Buffer.from(PETITION_ID, 'utf8'),
      value: Buffer.from('{"petitionId":"not valid"}', 'utf8'),
      headers: {
        'event-id': '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f',
        'event-type': 'work-order.issued',
        'schema-version': '1',
        'dlq-reason': 'PayloadDecodeError: invalid-payload: petitionId: petitionId must be a UUID',
        'dlq-attempts': '3',
        'dlq-original-topic': 'dept.POWER.assignments',
        'dlq-original-partition': '2',
        'dlq-original-offset': '1042',
        'dlq-consumer-group': 'petitions.routing',
        'dlq-failed-at': '2025-06-01T08:30:00.000Z',
      },
    });
  });

  it('given a value that is not UTF-8, when dead-lettered, then its bytes are kept exactly', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x7b]);
    const letter = deadLetterFor(aReceivedMessage({ value: bytes }), someFacts());
    expect(Buffer.isBuffer(letter.value)).toBe(true);
    expect([...(letter.value as Buffer)]).toEqual([0xff, 0xfe, 0x00, 0x7b]);
  });

  it('given a message without key or value, when dead-lettered, then it has no key either and the value is zero bytes', () => {
    const letter = deadLetterFor(aReceivedMessage({ key: null, value: null }), someFacts());
    expect(letter.key).toBeNull();
    expect(letter.value).toEqual(Buffer.alloc(0));
  });

  it('given a message that already carries dlq headers, when dead-lettered again, then the new facts replace them', () => {
    const message = aReceivedMessage({ headers: { 'dlq-attempts': '9', 'dlq-reason': 'old', producer: 'routing' } });
    const letter = deadLetterFor(message, someFacts({ attempts: 1, reason: 'new' }));
    expect(letter.headers['dlq-attempts']).toBe('1');
    expect(letter.headers['dlq-reason']).toBe('new');
    expect(letter.headers.producer).toBe('routing');
  });

  it('given a received message, when dead-lettered, then the original headers object is not changed', () => {
    const message = aReceivedMessage();
    deadLetterFor(message, someFacts());
    expect(message.headers).toEqual({
      'event-id': '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f',
      'event-type': 'work-order.issued',
      'schema-version': '1',
    });
  });
});
