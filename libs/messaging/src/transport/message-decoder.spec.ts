import {
  EnvelopeError,
  PayloadDecodeError,
  PetitionReceivedV1,
  envelopeToHeaders,
  type DecodeFailureKind,
  type EventEnvelope,
  type EventPayloads,
} from '@petitions/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { ReceivedMessage } from './dead-letter';
import { decodeMessage, headersToStrings, toReceived } from './message-decoder';

const PETITION_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const EVENT_ID = '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f';

function anEnvelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: EVENT_ID,
    type: 'petition.received',
    schemaVersion: 1,
    occurredAt: '2025-06-01T08:00:00.000Z',
    producer: 'intake',
    correlationId: EVENT_ID,
    petitionId: PETITION_ID,
    ...overrides,
  };
}

function aReceivedPayload(): EventPayloads['petition.received'] {
  return {
    petitionId: PETITION_ID,
    trackingCode: '7KQ2-M9XD-4HTA',
    channel: 'wechat-resident',
    channelMessageId: 'msg-1',
    text: '伏岭社区停电了',
    receivedAt: '2025-06-01T08:00:00.000Z',
  };
}

function aMessage(overrides: Partial<ReceivedMessage> = {}): ReceivedMessage {
  return {
    topic: 'petition.events',
    partition: 0,
    offset: '7',
    key: Buffer.from(PETITION_ID),
    value: Buffer.from(JSON.stringify(aReceivedPayload()), 'utf8'),
    headers: envelopeToHeaders(anEnvelope()),
    ...overrides,
  };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('decodeMessage', () => {
  it('given a proper message, when decoded, then the checked envelope and the validated payload result', () => {
    const decoded = decodeMessage(aMessage());
    expect(decoded.envelope).toStrictEqual(anEnvelope());
    expect(decoded.payload).toBeInstanceOf(PetitionReceivedV1);
    expect(decoded.payload).toEqual(aReceivedPayload());
  });

  it('given a value with a UTF-8 byte order mark and Chinese text, when decoded, then the text is intact', () => {
    const json = JSON.stringify({ ...aReceivedPayload(), text: '南江北路下水道堵塞' });
    const value = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]);
    const decoded = decodeMessage(aMessage({ value }));
    expect((decoded.payload as PetitionReceivedV1).text).toBe('南江北路下水道堵塞');
  });

  it('given bytes that are not valid UTF-8, when decoded, then it fails with malformed-json', () => {
    const error = thrownBy(() => decodeMessage(aMessage({ value: Buffer.from([0xff, 0xfe]) })));
    expect(error).toBeInstanceOf(PayloadDecodeError);
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('malformed-json');
    expect((error as PayloadDecodeError).problems).toEqual(['value is not valid UTF-8']);
  });

  it('given a JSON payload cut in the middle of a multi-byte character, when decoded, then it fails as not UTF-8', () => {
    const whole = Buffer.from(JSON.stringify(aReceivedPayload()), 'utf8');
    const cut = whole.subarray(0, whole.indexOf(Buffer.from('停', 'utf8')) + 1);
    const error = thrownBy(() => decodeMessage(aMessage({ value: cut })));
    expect((error as PayloadDecodeError).problems).toEqual(['value is not valid UTF-8']);
  });

  it('given a null value (a tombstone), when decoded, then it fails with malformed-json', () => {
    const error = thrownBy(() => decodeMessage(aMessage({ value: null })));
    expect(error).toBeInstanceOf(PayloadDecodeError);
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('malformed-json');
    expect((error as PayloadDecodeError).problems).toEqual(['message has no value']);
  });

  it('given a bad envelope and a null value, when decoded, then the envelope error comes first', () => {
    const error = thrownBy(() => decodeMessage(aMessage({ headers: {}, value: null })));
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).problems).toHaveLength(6);
  });

  it('given an envelope type not in the catalogue, when decoded, then it fails with unknown-type', () => {
    const headers = envelopeToHeaders(anEnvelope({ type: 'petition.withdrawn' }));
    const error = thrownBy(() => decodeMessage(aMessage({ headers })));
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('unknown-type');
  });

  // Bug: a catalogued type on a topic that does not carry it had no handler there and was skipped, i.e. lost.
  it('given a catalogued type on a topic that does not carry it, when decoded, then it fails with unknown-type', () => {
    const error = thrownBy(() => decodeMessage(aMessage({ topic: 'channel.inbound' })));
    expect(error).toBeInstanceOf(PayloadDecodeError);
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('unknown-type');
    expect((error as PayloadDecodeError).problems).toEqual([
      'event type "petition.received" does not travel on channel.inbound (see the catalogue)',
    ]);
  });

  it('given a work order on a department topic, when decoded, then the topic pattern admits it', () => {
    const headers = envelopeToHeaders(anEnvelope({ type: 'work-order.issued' }));
    const error = thrownBy(() => decodeMessage(aMessage({ topic: 'dept.FIRE.assignments', headers })));
    // It gets past the topic check and fails on its (petition.received) payload instead.
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('invalid-payload');
  });

  it('given an envelope with schema version 2, when decoded, then it fails with unsupported-version', () => {
    const headers = envelopeToHeaders(anEnvelope({ schemaVersion: 2 }));
    const error = thrownBy(() => decodeMessage(aMessage({ headers })));
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('unsupported-version');
  });

  it('given a valid UTF-8 value that is not JSON, when decoded, then it fails with malformed-json', () => {
    const error = thrownBy(() => decodeMessage(aMessage({ value: Buffer.from('停电了', 'utf8') })));
    expect((error as PayloadDecodeError).kind).toBe<DecodeFailureKind>('malformed-json');
  });
});

describe('headersToStrings', () => {
  it('given Buffer, string, array and undefined header values, when converted, then each present value becomes its string', () => {
    expect(
      headersToStrings({
        'event-id': Buffer.from(EVENT_ID, 'utf8'),
        producer: 'intake',
        'event-type': [Buffer.from('petition.received'), 'ignored-second'],
        'petition-id': ['first-as-string', Buffer.from('ignored')],
        'causation-id': undefined,
        empty: [],
        town: Buffer.from('岳峰镇', 'utf8'),
      }),
    ).toStrictEqual({
      'event-id': EVENT_ID,
      producer: 'intake',
      'event-type': 'petition.received',
      'petition-id': 'first-as-string',
      town: '岳峰镇',
    });
  });

  it('given no headers, when converted, then an empty record', () => {
    expect(headersToStrings(undefined)).toStrictEqual({});
  });

  it('given an empty string header, when converted, then it is kept as an empty string', () => {
    expect(headersToStrings({ producer: '' })).toStrictEqual({ producer: '' });
  });
});

describe('toReceived', () => {
  it('given a kafkajs message, when converted, then topic, partition, offset, key, value and string headers are kept', () => {
    const key = Buffer.from(PETITION_ID);
    const value = Buffer.from('{}');
    const message: KafkaMessage = {
      key,
      value,
      timestamp: '1748764800000',
      attributes: 0,
      offset: '42',
      headers: { producer: Buffer.from('intake') },
    };
    expect(toReceived('petition.events', 3, message)).toEqual({
      topic: 'petition.events',
      partition: 3,
      offset: '42',
      key,
      value,
      headers: { producer: 'intake' },
    });
  });
});
