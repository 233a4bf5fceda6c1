import { newEventId, type EventEnvelope } from '@petitions/contracts';
import { EventFactory, type Outbox, type PendingEvent } from '@petitions/messaging';
import { ManualClock, type UnitOfWork } from '@petitions/platform';
import type { TimerRepository } from '../timers/timer.repository';
import type { ParkedReopenEntity } from './clock-life.entity';
import type { ClockLifeRepository } from './clock-life.repository';
import { ClockEntity } from './clock.entity';
import type { ClockRepository } from './clock.repository';
import { ClockService } from './clock.service';
import type { Holdings } from './holdings';

const DAY = 86_400_000;
const PETITION = newEventId();
const REOPENED_AT = '2026-06-10T02:00:00.000Z';

function roundOne(state: ClockEntity['state']): ClockEntity {
  return Object.assign(new ClockEntity(), {
    id: newEventId(),
    petitionId: PETITION,
    round: 1,
    departmentCode: 'URBAN',
    town: 'FUKOU_TOWN',
    policy: 'general@2',
    rule: 'initial',
    state,
    startedAt: new Date('2026-06-01T02:00:00.000Z'),
    budgetMs: 5 * DAY,
    consumedMs: state === 'stopped' ? DAY : 0,
    runningSince: state === 'stopped' ? null : new Date('2026-06-01T02:00:00.000Z'),
    dueAt: new Date('2026-06-06T02:00:00.000Z'),
    breachedAt: null,
    stoppedAt: state === 'stopped' ? new Date('2026-06-02T02:00:00.000Z') : null,
    extensionsAllowed: 1,
    correlationId: newEventId(),
    armedEventId: newEventId(),
  } satisfies ClockEntity);
}

/** The service with its repositories stubbed: what it decides about reopenings, not how SQL stores it. */
function serviceWith(latest: ClockEntity | null, parked: ParkedReopenEntity | null = null) {
  const appended: PendingEvent[] = [];
  const inserted: ClockEntity[] = [];
  const parkedRows: ParkedReopenEntity[] = [];
  const unitOfWork = { transactional: () => ({ query: jest.fn() }) } as unknown as UnitOfWork;
  const clocks = {
    latestForUpdate: jest.fn(async () => latest),
    insertIfNew: jest.fn(async (clock: ClockEntity) => (inserted.push(clock), true)),
    parkedResolution: jest.fn(async () => null),
    save: jest.fn(),
    recordResolution: jest.fn(),
  } as unknown as ClockRepository;
  const life = {
    parkReopen: jest.fn(async (row: ParkedReopenEntity) => void parkedRows.push(row)),
    parkedReopen: jest.fn(async () => parked),
    dropParkedReopen: jest.fn(),
  } as unknown as ClockLifeRepository;
  const timers = { schedule: jest.fn(), cancel: jest.fn() } as unknown as TimerRepository;
  const holdings = { open: jest.fn(), close: jest.fn(), transfer: jest.fn() } as unknown as Holdings;
  const outbox = {
    append: jest.fn(async (events: PendingEvent[]) => void appended.push(...events)),
  } as unknown as Outbox;
  const events = new EventFactory('deadline-tracking', new ManualClock(new Date(REOPENED_AT)));
  const service = new ClockService(unitOfWork, clocks, timers, holdings, outbox, events, life);
  return { service, appended, inserted, parkedRows, timers };
}

function envelope(): EventEnvelope {
  const eventId = newEventId();
  return {
    eventId,
    type: 'petition.reopened',
    schemaVersion: 1,
    occurredAt: REOPENED_AT,
    producer: 'intake',
    petitionId: PETITION,
    correlationId: eventId,
  };
}

const reopening = { petitionId: PETITION, reopenCount: 1, previousDepartmentCode: 'URBAN', reopenedAt: REOPENED_AT };

describe('reopening a petition', () => {
  it('given its clock stopped, then a round-2 clock under the same version’s shorter reopen rule, held by the same department', async () => {
    const { service, inserted, appended } = serviceWith(roundOne('stopped'));
    await service.reopen(reopening, envelope());
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({ round: 2, rule: 'reopen', policy: 'general@2', departmentCode: 'URBAN' });
    const armed = appended.find((event) => event.envelope.type === 'deadline.armed');
    expect(armed?.payload).toMatchObject({
      policy: 'general@2:reopen',
      startedAt: REOPENED_AT,
      dueAt: new Date(Date.parse(REOPENED_AT) + 3 * DAY).toISOString(),
    });
  });

  it('given its clock still running (the resolution not in yet), then the reopening waits, nothing is armed', async () => {
    const { service, inserted, parkedRows } = serviceWith(roundOne('running'));
    await service.reopen(reopening, envelope());
    expect(inserted).toEqual([]);
    expect(parkedRows).toEqual([expect.objectContaining({ round: 2, departmentCode: 'URBAN' })]);
  });

  it('given a round-2 clock already there (a duplicate reopening), then nothing happens', async () => {
    const { service, inserted, parkedRows } = serviceWith({ ...roundOne('running'), round: 2 });
    await service.reopen(reopening, envelope());
    expect(inserted).toEqual([]);
    expect(parkedRows).toEqual([]);
  });

  it('given a parked reopening, when the running clock is resolved, then it stops and round 2 is armed', async () => {
    const parked = {
      petitionId: PETITION,
      round: 2,
      departmentCode: 'URBAN',
      reopenedAt: new Date(REOPENED_AT),
      correlationId: newEventId(),
      causeEventId: newEventId(),
    };
    const { service, inserted, appended } = serviceWith(roundOne('running'), parked);
    await service.resolve({
      envelope: { ...envelope(), type: 'department.resolved' },
      payload: {
        petitionId: PETITION,
        departmentCode: 'URBAN',
        result: '已处理',
        resolvedAt: '2026-06-09T02:00:00.000Z',
      },
      topic: 'dept.responses',
      partition: 0,
      offset: '0',
    });
    expect(appended.map((event) => event.envelope.type)).toEqual(['deadline.stopped', 'deadline.armed']);
    expect(inserted[0]).toMatchObject({ round: 2, rule: 'reopen' });
  });
});
