import { EnvelopeError, EnvelopeHeader, envelopeFromHeaders, envelopeToHeaders, type EventEnvelope } from './envelope';

const EVENT_ID = '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f';
const CORRELATION_ID = '018f3c1e-0000-7000-8000-000000000001';
const CAUSATION_ID = '018f3c1e-0000-7000-8000-000000000002';
const PETITION_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

function anEnvelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: EVENT_ID,
    type: 'petition.assigned',
    schemaVersion: 1,
    occurredAt: '2025-06-01T08:30:00.000Z',
    producer: 'routing',
    correlationId: CORRELATION_ID,
    ...overrides,
  };
}

function validHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...envelopeToHeaders(anEnvelope()), ...overrides };
}

function problemsOf(headers: Readonly<Record<string, string | undefined>>): readonly string[] {
  try {
    envelopeFromHeaders(headers);
  } catch (error) {
    if (error instanceof EnvelopeError) return error.problems;
    throw error;
  }
  throw new Error('expected an EnvelopeError');
}

describe('envelopeToHeaders', () => {
  it('given an envelope without petition or cause, when written, then it has exactly the six required headers', () => {
    expect(envelopeToHeaders(anEnvelope())).toStrictEqual({
      'event-id': EVENT_ID,
      'event-type': 'petition.assigned',
      'schema-version': '1',
      'occurred-at': '2025-06-01T08:30:00.000Z',
      producer: 'routing',
      'correlation-id': CORRELATION_ID,
    });
  });

  it('given an envelope with petition and cause, when written, then petition-id and causation-id are added', () => {
    const headers = envelopeToHeaders(anEnvelope({ petitionId: PETITION_ID, causationId: CAUSATION_ID }));
    expect(headers[EnvelopeHeader.petitionId]).toBe(PETITION_ID);
    expect(headers[EnvelopeHeader.causationId]).toBe(CAUSATION_ID);
    expect(Object.keys(headers)).toHaveLength(8);
  });

  it('given schema version 12, when written, then the header is the decimal text "12"', () => {
    expect(envelopeToHeaders(anEnvelope({ schemaVersion: 12 }))['schema-version']).toBe('12');
  });
});

describe('envelopeFromHeaders', () => {
  it('given the headers of an envelope without optional fields, when read back, then the same envelope results', () => {
    const envelope = anEnvelope();
    const read = envelopeFromHeaders(envelopeToHeaders(envelope));
    expect(read).toStrictEqual(envelope);
    expect('petitionId' in read).toBe(false);
    expect('causationId' in read).toBe(false);
  });

  it('given the headers of an envelope with petition and cause, when read back, then the same envelope results', () => {
    const envelope = anEnvelope({ petitionId: PETITION_ID, causationId: CAUSATION_ID, schemaVersion: 3 });
    expect(envelopeFromHeaders(envelopeToHeaders(envelope))).toStrictEqual(envelope);
  });

  it('given an occurred-at with an offset and nanoseconds, when read, then it is accepted unchanged', () => {
    const envelope = envelopeFromHeaders(validHeaders({ 'occurred-at': '2025-06-01T16:30:00.123456789+08:00' }));
    expect(envelope.occurredAt).toBe('2025-06-01T16:30:00.123456789+08:00');
  });

  it('given an upper-case UUID event id, when read, then it is accepted', () => {
    expect(envelopeFromHeaders(validHeaders({ 'event-id': EVENT_ID.toUpperCase() })).eventId).toBe(
      EVENT_ID.toUpperCase(),
    );
  });

  it('given empty optional headers, when read, then petitionId and causationId are left out', () => {
    const read = envelopeFromHeaders(validHeaders({ 'petition-id': '', 'causation-id': '' }));
    expect(read).toStrictEqual(anEnvelope());
  });

  it('given no headers at all, when read, then every required header is named as missing', () => {
    expect(problemsOf({})).toEqual([
      'header "event-id" is missing',
      'header "event-type" is missing',
      'header "schema-version" is missing',
      'header "occurred-at" is missing',
      'header "producer" is missing',
      'header "correlation-id" is missing',
    ]);
  });

  it('given an empty required header, when read, then it counts as missing', () => {
    expect(problemsOf(validHeaders({ producer: '' }))).toEqual(['header "producer" is missing']);
  });

  it('given several bad headers at once, when read, then one EnvelopeError lists every problem', () => {
    const headers = validHeaders({
      'event-type': undefined,
      producer: undefined,
      'event-id': 'not-a-uuid',
      'schema-version': '1.5',
      'occurred-at': 'yesterday',
    });
    let thrown: unknown;
    try {
      envelopeFromHeaders(headers);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvelopeError);
    const error = thrown as EnvelopeError;
    expect(error.name).toBe('EnvelopeError');
    expect(error.problems).toEqual([
      'header "event-type" is missing',
      'header "producer" is missing',
      'header "event-id" is not a UUID',
      'header "schema-version" is not a positive integer',
      'header "occurred-at" is not an ISO-8601 instant',
    ]);
    expect(error.message).toBe(`invalid envelope: ${error.problems.join('; ')}`);
  });

  it.each(['0', '1.5', 'x', '-1'])('given schema-version "%s", when read, then it is rejected', (version) => {
    expect(problemsOf(validHeaders({ 'schema-version': version }))).toEqual([
      'header "schema-version" is not a positive integer',
    ]);
  });

  it.each([
    ['a date without time', '2025-06-01'],
    ['a local time without zone', '2025-06-01T08:30:00'],
    ['a human date', 'June 1st, 2025'],
    ['an impossible day of month', '2025-06-32T08:30:00Z'],
    ['a milliseconds number', '1748766600000'],
  ])('given occurred-at as %s, when read, then it is rejected', (_label, occurredAt) => {
    expect(problemsOf(validHeaders({ 'occurred-at': occurredAt }))).toEqual([
      'header "occurred-at" is not an ISO-8601 instant',
    ]);
  });

  // Bug: Date.parse in V8 accepts any day 01–31 in any month and rolls it over ("2025-02-30" becomes 2 March), so an
  // occurred-at that names no real instant passes the check; payload fields (@IsISO8601 strict) reject the same text.
  it('given occurred-at on 30 February, when read, then it is rejected as not an instant', () => {
    expect(problemsOf(validHeaders({ 'occurred-at': '2025-02-30T08:30:00Z' }))).toEqual([
      'header "occurred-at" is not an ISO-8601 instant',
    ]);
  });

  it.each([
    '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b',
    '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0',
    'g18f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f',
  ])('given event-id "%s", when read, then it is rejected as not a UUID', (eventId) => {
    expect(problemsOf(validHeaders({ 'event-id': eventId }))).toEqual(['header "event-id" is not a UUID']);
  });
});
