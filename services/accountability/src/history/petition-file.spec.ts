import type { EventPayloads } from '@petitions/contracts';
import type { PetitionFileEntity } from './history.entity';
import { applyToFile, findingsOf, readyForReview, type HistoryEvent } from './petition-file';

type FileFacts = Omit<PetitionFileEntity, 'petitionId' | 'reviewedAt'>;

const PETITION_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const CLOCK_ID = '018f3c1e-7b2a-7c3d-9e4f-5a6b7c8d9e0f';

/** The file as the repository creates it for a petition seen for the first time. */
function anEmptyFile(overrides: Partial<FileFacts> = {}): FileFacts {
  return {
    receivedAt: null,
    town: null,
    unit: null,
    departmentCode: null,
    category: null,
    complexity: null,
    resolvedAt: null,
    result: null,
    withinDeadline: null,
    breached: false,
    ...overrides,
  };
}

function received(overrides: Partial<EventPayloads['petition.received']> = {}): HistoryEvent {
  return {
    type: 'petition.received',
    payload: {
      petitionId: PETITION_ID,
      trackingCode: '7KQ2-M9XD-4HTA',
      channel: 'hotline-12345',
      channelMessageId: 'call-1',
      text: '田家湾村干旱，家里没有水喝',
      town: 'YUEFENG',
      unit: 'TIANJIAWAN',
      receivedAt: '2025-06-01T08:00:00.000Z',
      ...overrides,
    },
  };
}

function assigned(overrides: Partial<EventPayloads['petition.assigned']> = {}): HistoryEvent {
  return {
    type: 'petition.assigned',
    payload: {
      petitionId: PETITION_ID,
      departmentCode: 'WATER',
      coDepartments: ['FIRE'],
      category: 'water-supply',
      complexity: 'complex',
      urgent: false,
      reason: 'keyword rule water-supply',
      receivedAt: '2025-06-01T08:00:00.000Z',
      assignedAt: '2025-06-01T08:00:05.000Z',
      ...overrides,
    },
  };
}

function resolved(overrides: Partial<EventPayloads['department.resolved']> = {}): HistoryEvent {
  return {
    type: 'department.resolved',
    payload: {
      petitionId: PETITION_ID,
      departmentCode: 'WATER',
      result: '已组织送水车每日两次送水',
      resolvedAt: '2025-06-03T10:00:00.000Z',
      ...overrides,
    },
  };
}

function stopped(withinDeadline = true): HistoryEvent {
  return {
    type: 'deadline.stopped',
    payload: {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      reason: 'resolved',
      stoppedAt: '2025-06-03T10:00:00.000Z',
      elapsedSeconds: 180_000,
      withinDeadline,
    },
  };
}

function breached(): HistoryEvent {
  return {
    type: 'deadline.breached',
    payload: {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      departmentCode: 'WATER',
      dueAt: '2025-06-16T08:00:00.000Z',
      breachedAt: '2025-06-16T08:00:01.000Z',
    },
  };
}

function acknowledged(): HistoryEvent {
  return {
    type: 'department.acknowledged',
    payload: { petitionId: PETITION_ID, departmentCode: 'WATER', acknowledgedAt: '2025-06-01T09:00:00.000Z' },
  };
}

function progressReported(): HistoryEvent {
  return {
    type: 'department.progress-reported',
    payload: {
      petitionId: PETITION_ID,
      departmentCode: 'WATER',
      note: '送水车已出发',
      reportedAt: '2025-06-02T09:00:00.000Z',
    },
  };
}

function armed(): HistoryEvent {
  return {
    type: 'deadline.armed',
    payload: {
      petitionId: PETITION_ID,
      clockId: CLOCK_ID,
      policy: 'complex@1',
      departmentCode: 'WATER',
      startedAt: '2025-06-01T08:00:00.000Z',
      dueAt: '2025-06-16T08:00:00.000Z',
    },
  };
}

function fileAfter(events: readonly HistoryEvent[], start: FileFacts = anEmptyFile()): FileFacts {
  for (const event of events) applyToFile(start, event);
  return start;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('applyToFile', () => {
  it('given petition.received, when applied, then receipt time, town and unit are recorded', () => {
    expect(fileAfter([received()])).toEqual(
      anEmptyFile({ receivedAt: new Date('2025-06-01T08:00:00.000Z'), town: 'YUEFENG', unit: 'TIANJIAWAN' }),
    );
  });

  it('given petition.received without town and unit, when applied, then they stay null', () => {
    const file = fileAfter([received({ town: undefined, unit: undefined })]);
    expect(file.town).toBeNull();
    expect(file.unit).toBeNull();
  });

  it('given petition.assigned, when applied, then department, category, complexity, town and unit are recorded', () => {
    expect(fileAfter([assigned({ town: 'FUKOU_TOWN', unit: 'FULING' })])).toEqual(
      anEmptyFile({
        departmentCode: 'WATER',
        category: 'water-supply',
        complexity: 'complex',
        town: 'FUKOU_TOWN',
        unit: 'FULING',
      }),
    );
  });

  it('given petition.assigned without town, when applied after receipt, then the received town is kept', () => {
    const file = fileAfter([received(), assigned()]);
    expect(file.town).toBe('YUEFENG');
    expect(file.unit).toBe('TIANJIAWAN');
  });

  it('given routing names another town, when applied in either order, then the routed town wins', () => {
    const routed = assigned({ town: 'FUKOU_TOWN' });
    expect(fileAfter([received(), routed]).town).toBe('FUKOU_TOWN');
    expect(fileAfter([routed, received()]).town).toBe('FUKOU_TOWN');
  });

  it('given department.resolved, when applied, then resolution time and result are recorded', () => {
    expect(fileAfter([resolved()])).toEqual(
      anEmptyFile({ resolvedAt: new Date('2025-06-03T10:00:00.000Z'), result: '已组织送水车每日两次送水' }),
    );
  });

  it('given a second department.resolved, when applied, then the later report replaces the first', () => {
    const file = fileAfter([resolved(), resolved({ result: '已打井抗旱', resolvedAt: '2025-06-05T10:00:00.000Z' })]);
    expect(file.result).toBe('已打井抗旱');
    expect(file.resolvedAt).toEqual(new Date('2025-06-05T10:00:00.000Z'));
  });

  it('given deadline.breached, when applied, then the file is marked breached', () => {
    expect(fileAfter([breached()])).toEqual(anEmptyFile({ breached: true }));
  });

  it.each([true, false])(
    'given deadline.stopped with withinDeadline %s, when applied, then it is recorded',
    (within) => {
      expect(fileAfter([stopped(within)])).toEqual(anEmptyFile({ withinDeadline: within }));
    },
  );

  it.each<[string, () => HistoryEvent]>([
    ['department.acknowledged', acknowledged],
    ['department.progress-reported', progressReported],
    ['deadline.armed', armed],
  ])('given %s, when applied, then the file is unchanged', (_type, event) => {
    const file = fileAfter([received(), assigned()]);
    const before = { ...file };
    applyToFile(file, event());
    expect(file).toEqual(before);
  });
});

describe('readyForReview', () => {
  const required: readonly (() => HistoryEvent)[] = [received, assigned, resolved, () => stopped(true)];

  it('given an empty file, when checked, then it is not ready', () => {
    expect(readyForReview(anEmptyFile())).toBe(false);
  });

  it('given received, assigned, resolved and stopped in every order, when applied, then ready only after the last', () => {
    const orders = permutations(required);
    expect(orders).toHaveLength(24);
    for (const order of orders) {
      const file = anEmptyFile();
      const readiness = order.map((event) => {
        applyToFile(file, event());
        return readyForReview(file);
      });
      expect(readiness).toEqual([false, false, false, true]);
    }
  });

  it('given the four facts in every order, when applied, then the file ends the same', () => {
    const expected = fileAfter(required.map((event) => event()));
    for (const order of permutations(required)) {
      expect(fileAfter(order.map((event) => event()))).toEqual(expected);
    }
  });

  it.each([0, 1, 2, 3])('given every required fact but number %d, when checked, then it is not ready', (missing) => {
    const events = required.filter((_event, index) => index !== missing).map((event) => event());
    expect(readyForReview(fileAfter([...events, acknowledged(), progressReported(), armed(), breached()]))).toBe(false);
  });

  it('given a clock that stopped late, when checked, then the file is still ready', () => {
    expect(readyForReview(fileAfter([received(), assigned(), resolved(), stopped(false)]))).toBe(true);
  });
});

describe('findingsOf', () => {
  it('given a breached clock, when reviewed, then overdue', () => {
    expect(findingsOf(anEmptyFile({ breached: true, withinDeadline: true }))).toEqual(['overdue']);
  });

  it('given a clock that stopped after its due time, when reviewed, then overdue', () => {
    expect(findingsOf(anEmptyFile({ withinDeadline: false }))).toEqual(['overdue']);
  });

  it('given a clock that stopped in time and never breached, when reviewed, then no findings', () => {
    expect(findingsOf(anEmptyFile({ withinDeadline: true }))).toEqual([]);
  });

  it('given a clock not stopped yet and not breached, when reviewed, then no findings', () => {
    expect(findingsOf(anEmptyFile())).toEqual([]);
  });

  it('given a full history with a breach, when folded and reviewed, then overdue', () => {
    expect(findingsOf(fileAfter([received(), assigned(), breached(), resolved(), stopped(false)]))).toEqual([
      'overdue',
    ]);
  });
});
