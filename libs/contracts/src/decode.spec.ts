import {
  EventCatalog,
  allTopicPatterns,
  currentVersionOf,
  eventTypesOnTopic,
  isEventType,
  topicPatternOf,
  type EventPayloads,
  type EventType,
} from './catalog';
import { MAX_PAYLOAD_DEPTH, PayloadDecodeError, decodePayload, type DecodeFailureKind } from './decode';
import { TimelineEntryV1 } from './events/petition-reviewed.v1';
import { deadLetterTopic, deptAssignmentsTopic, isDeptAssignmentsTopic } from './topics';

const PETITION_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const CLOCK_ID = '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f';
const RECORD_ID = '018f3c1e-0000-7000-8000-000000000003';

/** One valid payload per catalogued event type; the mapped type makes the compiler demand a new type's example. */
function validPayloads(): { [T in EventType]: EventPayloads[T] } {
  return {
    'channel.message-received': {
      channel: 'wechat-resident',
      channelMessageId: 'wx-20250601-0001',
      text: '南江北路下水道堵塞污水外流',
      unit: 'NANJIANG',
    },
    'petition.received': {
      petitionId: PETITION_ID,
      trackingCode: '7KQ2-M9XD-4HTA',
      channel: 'hotline-12345',
      channelMessageId: 'call-20250601-0001',
      text: '伏岭社区停电了',
      town: 'FUKOU_TOWN',
      unit: 'FULING',
      grid: 'G-07',
      complexityHint: 'general',
      receivedAt: '2025-06-01T08:00:00.000Z',
    },
    'petition.assigned': {
      petitionId: PETITION_ID,
      departmentCode: 'FIRE',
      coDepartments: ['POWER'],
      category: 'fire',
      complexity: 'general',
      urgent: true,
      town: 'YUEFENG',
      reason: 'keyword rule fire',
      receivedAt: '2025-06-01T08:00:00.000Z',
      assignedAt: '2025-06-01T08:00:05.000Z',
    },
    'work-order.issued': {
      petitionId: PETITION_ID,
      departmentCode: 'POWER',
      role: 'co',
      summary: '杨家山停电了，变压器着火了在冒烟',
      category: 'fire',
      complexity: 'general',
      urgent: true,
      coDepartments: [],
      resolveBy: '2025-06-06T08:00:00.000Z',
      issuedAt: '2025-06-01T08:00:05.000Z',
    },
    'department.acknowledged': {
      petitionId: PETITION_ID,
      departmentCode: 'POWER',
      handler: '王工',
      acknowledgedAt: '2025-06-01T09:00:00.000Z',
    },
    'department.progress-reported': {
      petitionId: PETITION_ID,
      departmentCode: 'POWER',
      note: '抢修班组已出发',
      reportedAt: '2025-06-01T09:30:00.000Z',
    },
    'department.resolved': {
      petitionId: PETITION_ID,
      departmentCode: 'POWER',
      result: '已恢复供电',
      resolvedAt: '2025-06-01T12:00:00.000Z',
    },
    'deadline.armed': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      policy: 'general@1',
      departmentCode: 'POWER',
      startedAt: '2025-06-01T08:00:00.000Z',
      dueAt: '2025-06-06T08:00:00.000Z',
    },
    'deadline.breached': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      departmentCode: 'POWER',
      dueAt: '2025-06-06T08:00:00.000Z',
      breachedAt: '2025-06-06T08:00:01.000Z',
    },
    'deadline.stopped': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      reason: 'resolved',
      stoppedAt: '2025-06-01T12:00:00.000Z',
      elapsedSeconds: 14400,
      withinDeadline: true,
    },
    'deadline.step-reached': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      policy: 'complex@2',
      step: 'supervise',
      stepId: 'supervise',
      departmentCode: 'EDU',
      scheduledAt: '2025-06-08T16:00:00.000Z',
      reachedAt: '2025-06-08T16:00:00.400Z',
      dueAt: '2025-06-20T16:00:00.000Z',
      notify: [{ role: 'department-head', code: 'EDU' }, { role: 'district-leadership' }],
    },
    'deadline.paused': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      reason: 'awaiting-citizen',
      departmentCode: 'EDU',
      pausedAt: '2025-06-03T08:00:00.000Z',
    },
    'deadline.resumed': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      resumedAt: '2025-06-04T08:00:00.000Z',
      pausedSeconds: 86400,
      dueAt: '2025-06-21T16:00:00.000Z',
    },
    'deadline.extension-requested': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      extensionId: RECORD_ID,
      departmentCode: 'EDU',
      days: 5,
      reason: '需等待学期初学位核定',
      requestedAt: '2025-06-10T08:00:00.000Z',
    },
    'deadline.extension-decided': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      extensionId: RECORD_ID,
      decision: 'approved',
      decidedBy: '区政府办 王主任',
      decidedAt: '2025-06-10T09:00:00.000Z',
      dueAt: '2025-06-27T16:00:00.000Z',
    },
    'deadline.holding-recorded': {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      departmentCode: 'DEVZONE',
      heldFrom: '2025-06-01T08:00:00.000Z',
      heldUntil: '2025-06-03T08:00:00.000Z',
      heldSeconds: 172800,
      countedSeconds: 86400,
      endedBy: 'transferred',
    },
    'petition.reviewed': {
      petitionId: PETITION_ID,
      departmentCode: 'POWER',
      category: 'power-outage',
      complexity: 'general',
      town: 'FUKOU_TOWN',
      unit: 'FULING',
      receivedAt: '2025-06-01T08:00:00.000Z',
      resolvedAt: '2025-06-01T12:00:00.000Z',
      handlingSeconds: 14400,
      withinDeadline: true,
      result: '已恢复供电',
      findings: [],
      timeline: [
        { at: '2025-06-01T08:00:00.000Z', eventType: 'petition.received' },
        { at: '2025-06-01T12:00:00.000Z', eventType: 'department.resolved', departmentCode: 'POWER' },
      ],
    },
    'record.published': {
      recordId: RECORD_ID,
      petitionId: PETITION_ID,
      sequence: 1,
      hash: 'a'.repeat(64),
      departmentCode: 'POWER',
      publishedAt: '2025-06-01T12:00:01.000Z',
    },
  };
}

function aReceivedPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...validPayloads()['petition.received'], ...overrides };
}

function decodeFailure(type: string, version: number, json: string): PayloadDecodeError {
  try {
    decodePayload(type, version, json);
  } catch (error) {
    if (error instanceof PayloadDecodeError) return error;
    throw error;
  }
  throw new Error('expected a PayloadDecodeError');
}

const ALL_TYPES = Object.keys(EventCatalog) as EventType[];

describe('decodePayload', () => {
  it.each(ALL_TYPES)(
    'given a valid %s payload, when decoded, then an instance of its class with the same data results',
    (type) => {
      const payload = validPayloads()[type];
      const decoded = decodePayload(type, currentVersionOf(type), JSON.stringify(payload));
      expect(decoded).toBeInstanceOf(EventCatalog[type].payload);
      expect(decoded).toEqual(payload);
    },
  );

  it('given a valid petition.reviewed payload, when decoded, then its timeline entries are TimelineEntryV1 instances', () => {
    const decoded = decodePayload('petition.reviewed', 1, JSON.stringify(validPayloads()['petition.reviewed']));
    expect(decoded.timeline).toHaveLength(2);
    expect(decoded.timeline[0]).toBeInstanceOf(TimelineEntryV1);
    expect(decoded.timeline[1]).toBeInstanceOf(TimelineEntryV1);
  });

  it('given a payload without its optional fields, when decoded, then it is accepted', () => {
    const {
      town: _town,
      unit: _unit,
      grid: _grid,
      complexityHint: _hint,
      ...required
    } = validPayloads()['petition.received'];
    expect(decodePayload('petition.received', 1, JSON.stringify(required))).toEqual(required);
  });

  it('given a type not in the catalogue, when decoded, then it fails with unknown-type', () => {
    const error = decodeFailure('petition.deleted', 1, '{}');
    expect(error.kind).toBe<DecodeFailureKind>('unknown-type');
    expect(error.problems).toEqual(['event type "petition.deleted" is not in the catalogue']);
    expect(error.message).toBe('unknown-type: event type "petition.deleted" is not in the catalogue');
    expect(error.name).toBe('PayloadDecodeError');
  });

  it('given an inherited Object property name as type, when decoded, then it fails with unknown-type', () => {
    expect(decodeFailure('toString', 1, '{}').kind).toBe<DecodeFailureKind>('unknown-type');
  });

  it.each([0, 2])('given version %d of a v1 type, when decoded, then it fails with unsupported-version', (version) => {
    const error = decodeFailure('petition.received', version, JSON.stringify(aReceivedPayload()));
    expect(error.kind).toBe<DecodeFailureKind>('unsupported-version');
    expect(error.problems).toEqual([`petition.received v${version} is not supported (current: v1)`]);
  });

  it.each(['not json', '{"petitionId":', ''])(
    'given the value %j, when decoded, then it fails with malformed-json',
    (json) => {
      const error = decodeFailure('petition.received', 1, json);
      expect(error.kind).toBe<DecodeFailureKind>('malformed-json');
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toMatch(/JSON/);
    },
  );

  it.each(['[]', '"x"', '42', 'null', 'true'])(
    'given the JSON %s that is not an object, when decoded, then it fails with invalid-payload',
    (json) => {
      const error = decodeFailure('petition.received', 1, json);
      expect(error.kind).toBe<DecodeFailureKind>('invalid-payload');
      expect(error.problems).toEqual(['payload must be a JSON object']);
    },
  );

  it('given bad and missing fields, when decoded, then every bad field is named', () => {
    const { trackingCode: _missing, ...withoutCode } = aReceivedPayload({ petitionId: 'P-1', receivedAt: 'yesterday' });
    const error = decodeFailure('petition.received', 1, JSON.stringify(withoutCode));
    expect(error.kind).toBe<DecodeFailureKind>('invalid-payload');
    expect([...error.problems].sort()).toEqual([
      'petitionId: petitionId must be a UUID',
      'receivedAt: receivedAt must be a valid ISO 8601 date string',
      'trackingCode: trackingCode must match /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/ regular expression',
    ]);
  });

  it('given a field of the wrong type, when decoded, then it is rejected rather than converted', () => {
    const payload = { ...validPayloads()['deadline.stopped'], elapsedSeconds: '14400', withinDeadline: 'true' };
    const error = decodeFailure('deadline.stopped', 1, JSON.stringify(payload));
    expect(error.kind).toBe<DecodeFailureKind>('invalid-payload');
    expect([...error.problems].sort()).toEqual([
      'elapsedSeconds: elapsedSeconds must be an integer number',
      'elapsedSeconds: elapsedSeconds must not be less than 0',
      'withinDeadline: withinDeadline must be a boolean value',
    ]);
  });

  it('given a bad nested timeline entry, when decoded, then the problem names its path', () => {
    const reviewed = validPayloads()['petition.reviewed'];
    const payload = { ...reviewed, timeline: [reviewed.timeline[0], { at: 'noon', eventType: 'department.resolved' }] };
    const error = decodeFailure('petition.reviewed', 1, JSON.stringify(payload));
    expect(error.kind).toBe<DecodeFailureKind>('invalid-payload');
    expect(error.problems).toEqual(['timeline.1.at: at must be a valid ISO 8601 date string']);
  });

  // Bug: class-transformer recurses once per level, so a value nested 10 000 deep overflowed the stack
  // (RangeError instead of a PayloadDecodeError that names the field).
  it.each([
    ['arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
  ])('given a field of %s nested 10 000 deep, when decoded, then it is rejected by name', (_label, deep) => {
    const json = JSON.stringify(aReceivedPayload({ text: 'PLACEHOLDER' })).replace('"PLACEHOLDER"', deep);
    const error = decodeFailure('petition.received', 1, json);
    expect(error.kind).toBe<DecodeFailureKind>('invalid-payload');
    expect(error.problems).toEqual([`text: nests deeper than ${MAX_PAYLOAD_DEPTH} levels`]);
  });

  it('given nesting exactly at the limit in an unknown field, when decoded, then only the unknown field is named', () => {
    const atLimit = `${'['.repeat(MAX_PAYLOAD_DEPTH - 1)}${']'.repeat(MAX_PAYLOAD_DEPTH - 1)}`;
    const json = JSON.stringify(aReceivedPayload({ extra: 'PLACEHOLDER' })).replace('"PLACEHOLDER"', atLimit);
    expect(decodeFailure('petition.received', 1, json).problems).toEqual(['extra: property extra should not exist']);
  });

  it('given an unknown field, when decoded, then it is rejected by name', () => {
    const error = decodeFailure(
      'petition.received',
      1,
      JSON.stringify(aReceivedPayload({ reporterPhone: '13812345678' })),
    );
    expect(error.kind).toBe<DecodeFailureKind>('invalid-payload');
    expect(error.problems).toEqual(['reporterPhone: property reporterPhone should not exist']);
  });

  it('given an unknown field inside a nested timeline entry, when decoded, then it is rejected with its path', () => {
    const reviewed = validPayloads()['petition.reviewed'];
    const payload = { ...reviewed, timeline: [{ ...reviewed.timeline[0], secret: 'x' }] };
    const error = decodeFailure('petition.reviewed', 1, JSON.stringify(payload));
    expect(error.problems).toEqual(['timeline.0.secret: property secret should not exist']);
  });

  it('given a department code in lower case, when a work order is decoded, then it is rejected', () => {
    const payload = { ...validPayloads()['work-order.issued'], departmentCode: 'power' };
    const error = decodeFailure('work-order.issued', 1, JSON.stringify(payload));
    expect(error.problems).toEqual([
      'departmentCode: departmentCode must match /^[A-Z][A-Z0-9_]*$/ regular expression',
    ]);
  });
});

describe('catalog', () => {
  it('given a department assignments topic, when asked which types travel on it, then only work-order.issued', () => {
    expect(eventTypesOnTopic('dept.POWER.assignments')).toEqual(['work-order.issued']);
    expect(eventTypesOnTopic('dept.WATER_2.assignments')).toEqual(['work-order.issued']);
  });

  it('given dept.responses, when asked which types travel on it, then the three department answers', () => {
    expect(eventTypesOnTopic('dept.responses')).toEqual([
      'department.acknowledged',
      'department.progress-reported',
      'department.resolved',
    ]);
  });

  it('given deadline.events, when asked which types travel on it, then the clock events', () => {
    expect(eventTypesOnTopic('deadline.events')).toEqual([
      'deadline.armed',
      'deadline.breached',
      'deadline.stopped',
      'deadline.step-reached',
      'deadline.paused',
      'deadline.resumed',
      'deadline.extension-requested',
      'deadline.extension-decided',
      'deadline.holding-recorded',
    ]);
  });

  it.each(['dept.power.assignments', 'petition.events.dlq', 'unknown'])(
    'given the topic %s, when asked which types travel on it, then none',
    (topic) => {
      expect(eventTypesOnTopic(topic)).toEqual([]);
    },
  );

  it('given the catalogue, when its topic patterns are listed, then each appears once', () => {
    expect(allTopicPatterns().sort()).toEqual([
      'accountability.events',
      'channel.inbound',
      'deadline.events',
      'dept.responses',
      'dept.{departmentCode}.assignments',
      'disclosure.events',
      'petition.events',
      'routing.events',
    ]);
  });

  it('given each type, when its payload class is read, then the static type matches the catalogue key and is v1', () => {
    for (const type of ALL_TYPES) {
      const payloadClass: { type: string; version: number } = EventCatalog[type].payload;
      expect(payloadClass.type).toBe(type);
      expect(currentVersionOf(type)).toBe(1);
    }
  });

  it('given work-order.issued, when its topic pattern is asked, then the per-department pattern', () => {
    expect(topicPatternOf('work-order.issued')).toBe('dept.{departmentCode}.assignments');
    expect(topicPatternOf('petition.received')).toBe('petition.events');
  });

  it('given names on and off the catalogue, when checked, then only catalogued names are event types', () => {
    expect(isEventType('deadline.breached')).toBe(true);
    expect(isEventType('constructor')).toBe(false);
    expect(isEventType('Deadline.Breached')).toBe(false);
  });
});

describe('topics', () => {
  it('given an upper-case department code, when its assignments topic is built, then dept.<CODE>.assignments', () => {
    expect(deptAssignmentsTopic('POWER')).toBe('dept.POWER.assignments');
    expect(deptAssignmentsTopic('HRSS_2')).toBe('dept.HRSS_2.assignments');
  });

  it.each(['power', 'Power', 'POWER.x', 'POWER.assignments,dept.FIRE', '', '1POWER', 'POWER-X', 'POWER '])(
    'given the department code %j, when its assignments topic is built, then it is rejected',
    (code) => {
      expect(() => deptAssignmentsTopic(code)).toThrow(
        `invalid department code for a topic name: ${JSON.stringify(code)}`,
      );
    },
  );

  it('given topic names, when checked as assignments topics, then only the exact per-department form matches', () => {
    expect(isDeptAssignmentsTopic('dept.POWER.assignments')).toBe(true);
    expect(isDeptAssignmentsTopic('dept.POWER.x.assignments')).toBe(false);
    expect(isDeptAssignmentsTopic('dept.POWER.assignments.dlq')).toBe(false);
    expect(isDeptAssignmentsTopic('dept.{departmentCode}.assignments')).toBe(false);
  });

  it('given a topic, when its dead-letter topic is asked, then <topic>.dlq', () => {
    expect(deadLetterTopic('dept.POWER.assignments')).toBe('dept.POWER.assignments.dlq');
  });
});
