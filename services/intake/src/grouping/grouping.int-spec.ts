import { Logger } from '@nestjs/common';
import { newEventId, type EventEnvelope, type PetitionAssignedV1 } from '@petitions/contracts';
import { EventFactory, InboxMessageEntity, Outbox, OutboxMessageEntity } from '@petitions/messaging';
import { createServiceDataSource, ManualClock, runServiceMigrations, UnitOfWork } from '@petitions/platform';
import { expectEventually } from '@petitions/testing';
import type { DataSource } from 'typeorm';
import { TestDatabase } from '../../../../tests/support/test-database';
import { intakeService } from '../definition';
import { PetitionEntity } from '../petitions/petition.entity';
import { newTrackingCode } from '../petitions/tracking-code';
import { PetitionStatusEntity } from '../tracking/tracking.entity';
import { GroupAdminService } from './group-admin.service';
import { MatterPetitionEntity, PetitionGroupEntity } from './group.entity';
import { GroupRepository } from './group.repository';
import { DEFAULT_GROUPING_POLICY } from './grouping-policy';
import { GroupingService } from './grouping.service';
import { BLACKOUT_REPORTS } from './same-matter-corpus';

const SCHEMA = 'intake';
const T0 = Date.parse('2026-07-07T12:00:00.000Z');
const MINUTE = 60_000;

/** One intake replica's grouping, on its own connection pool. */
interface Replica {
  dataSource: DataSource;
  unitOfWork: UnitOfWork;
  groups: GroupRepository;
  grouping: GroupingService;
  admin: GroupAdminService;
}

async function startReplica(db: TestDatabase, name: string, clock: ManualClock): Promise<Replica> {
  const dataSource = createServiceDataSource({
    url: db.url,
    schema: SCHEMA,
    applicationName: name,
    poolSize: 12,
    entities: [...intakeService.entities, OutboxMessageEntity, InboxMessageEntity],
    migrations: [...intakeService.migrations],
  });
  await dataSource.initialize();
  await runServiceMigrations(dataSource, SCHEMA);
  const unitOfWork = new UnitOfWork(dataSource);
  const groups = new GroupRepository(unitOfWork);
  const outbox = new Outbox(unitOfWork, SCHEMA);
  const events = new EventFactory('intake', clock);
  return {
    dataSource,
    unitOfWork,
    groups,
    grouping: new GroupingService(unitOfWork, groups, outbox, events, DEFAULT_GROUPING_POLICY, clock),
    admin: new GroupAdminService(unitOfWork, groups, outbox, events, clock),
  };
}

describe('same-matter grouping on PostgreSQL, two replicas', () => {
  const clock = new ManualClock(new Date(T0 + 60 * MINUTE));
  const routing = new EventFactory('routing', clock);
  let db: TestDatabase;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    db = await TestDatabase.create('it_grouping');
    a = await startReplica(db, 'intake-a', clock);
    b = await startReplica(db, 'intake-b', clock);
  });

  afterAll(async () => {
    await a?.dataSource.destroy();
    await b?.dataSource.destroy();
    await db?.drop();
  });

  /** Stores a petition as intake would have; returns its id. */
  async function stored(text: string, minutes: number, unit = 'FULING'): Promise<string> {
    const id = newEventId();
    await a.dataSource.manager.insert(
      PetitionEntity,
      Object.assign(new PetitionEntity(), {
        id,
        trackingCode: newTrackingCode(),
        channel: 'wechat-resident',
        channelMessageId: `it-${id}`,
        text,
        town: 'FUKOU_TOWN',
        unit,
        grid: null,
        address: null,
        latitude: null,
        longitude: null,
        channelCategory: null,
        receivedAt: new Date(T0 + minutes * MINUTE),
      }),
    );
    return id;
  }

  /** Routing's `petition.assigned` for it. */
  function assignmentOf(petitionId: string): [EventEnvelope, PetitionAssignedV1] {
    const payload: PetitionAssignedV1 = {
      petitionId,
      departmentCode: 'POWER',
      coDepartments: [],
      category: 'power-outage',
      complexity: 'general',
      urgent: false,
      reason: 'test',
      receivedAt: new Date(T0).toISOString(),
      assignedAt: clock.now().toISOString(),
    };
    return [routing.create('petition.assigned', payload, { key: petitionId }).envelope, payload];
  }

  /** The replica handles the assignment in its own transaction, as its consumer would. */
  function assign(replica: Replica, petitionId: string): Promise<void> {
    return replica.unitOfWork.run(() => replica.grouping.consider(...assignmentOf(petitionId)));
  }

  async function groupOf(petitionId: string): Promise<string | null> {
    const row = await a.dataSource.manager.findOneBy(MatterPetitionEntity, { petitionId });
    return row?.groupId ?? null;
  }

  /** Each petition's latest petition.grouped in the outbox: the group it names. */
  async function announcedGroups(petitionIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await db.query<{ petition_id: string; group_id: string }>(
      `SELECT DISTINCT ON (payload::jsonb->>'petitionId') payload::jsonb->>'petitionId' AS petition_id,
              payload::jsonb->>'groupId' AS group_id
       FROM ${SCHEMA}.outbox_messages WHERE event_type = 'petition.grouped' AND payload::jsonb->>'petitionId' = ANY($1)
       ORDER BY payload::jsonb->>'petitionId', id DESC`,
      [petitionIds],
    );
    return new Map(rows.map((row) => [row.petition_id, row.group_id]));
  }

  function advisoryLocks(granted: boolean): Promise<{ count: number }[]> {
    return db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND d.datname = $1 AND l.granted = $2`,
      [db.name, granted],
    );
  }

  it('a replica assigning a same-matter petition waits for the other’s lock, then finds its petition', async () => {
    const first = await stored('伏岭社区又停电了 什么时候来电', 0);
    const second = await stored('停电了 什么时候来电啊', 1);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Replica A takes the petition in and holds its transaction open (a slow batch).
    const aDone = a.unitOfWork.run(async () => {
      await a.grouping.consider(...assignmentOf(first));
      await held;
    });
    await expectEventually(async () => expect((await advisoryLocks(true))[0]?.count).toBeGreaterThanOrEqual(1), {
      description: 'replica A holds the matter lock',
    });
    const bDone = assign(b, second);
    await expectEventually(async () => expect((await advisoryLocks(false))[0]?.count).toBe(1), {
      description: 'replica B waits for the matter lock',
    });
    expect(await groupOf(second)).toBeNull();
    release();
    await Promise.all([aDone, bDone]);
    const groupId = await groupOf(first);
    expect(groupId).not.toBeNull();
    expect(await groupOf(second)).toBe(groupId);
  });

  it('ten reports of one blackout assigned at once on two replicas end in one group of ten', async () => {
    const ids: string[] = [];
    // Another unit's scope: the first test's group is in FULING.
    for (const [index, text] of BLACKOUT_REPORTS.entries()) ids.push(await stored(text, 600 + index, 'YANGJIASHAN'));
    await Promise.all(ids.map((id, index) => assign(index % 2 === 0 ? a : b, id)));
    const groupIds = new Set(await Promise.all(ids.map(groupOf)));
    expect([...groupIds]).toHaveLength(1);
    const [groupId] = [...groupIds];
    if (!groupId) throw new Error('not grouped');
    const group = await a.dataSource.manager.findOneByOrFail(PetitionGroupEntity, { id: groupId });
    expect(group).toMatchObject({ memberCount: 10, mergedIntoGroupId: null, unit: 'YANGJIASHAN' });
    // Every petition's latest announcement names that group (merges re-announce the members they move).
    const announced = await announcedGroups(ids);
    expect([...announced.values()]).toEqual(ids.map(() => groupId));
    expect(await a.groups.fellowMembersOf(ids[0] ?? '')).toHaveLength(9);
  });

  it('merges two groups a report bridges, splits the lead out and promotes the next member', async () => {
    const texts = [
      '伏岭社区又停电了',
      '伏岭社区停电了',
      '什么时候来电 等了好久',
      '什么时候来电啊',
      '又停电了 什么时候来电',
    ];
    const ids: string[] = [];
    for (const [index, text] of texts.entries()) ids.push(await stored(text, 2000 + index * 10, 'HECHENG'));
    for (const id of ids.slice(0, 4)) await assign(a, id);
    const [older, newer] = [await groupOf(ids[0] ?? ''), await groupOf(ids[2] ?? '')];
    expect(older).not.toBeNull();
    expect(newer).not.toBeNull();
    expect(newer).not.toBe(older);

    await assign(b, ids[4] ?? '');
    expect(await Promise.all(ids.map(groupOf))).toEqual(ids.map(() => older));
    const merged = await a.dataSource.manager.findOneByOrFail(PetitionGroupEntity, { id: newer ?? '' });
    expect(merged).toMatchObject({ mergedIntoGroupId: older, memberCount: 0 });
    expect(await a.groups.fellowMembersOf(ids[1] ?? '')).toEqual([ids[0], ids[2], ids[3], ids[4]]);

    const groupId = older ?? '';
    const view = await b.admin.split(groupId, { petitionId: ids[0] ?? '', reason: '测试', operatorId: 'op.it' });
    expect(view).toMatchObject({ leadPetitionId: ids[1], memberCount: 4 });
    expect(view.members.map((member) => member.petitionId)).toEqual(ids.slice(1));
    expect(view.splits).toEqual([expect.objectContaining({ petitionId: ids[0], by: 'op.it', reason: '测试' })]);
    expect(await a.groups.groupSizeOf(ids[0] ?? '')).toBeNull();
    expect(await a.groups.groupSizeOf(ids[1] ?? '')).toBe(4);
    const ungrouped = await db.query<{ payload: string }>(
      `SELECT payload FROM ${SCHEMA}.outbox_messages WHERE event_type = 'petition.ungrouped'`,
    );
    expect(ungrouped.map((row) => JSON.parse(row.payload) as object)).toEqual([
      expect.objectContaining({ groupId, petitionId: ids[0], by: 'op.it', leadPetitionId: ids[1], memberCount: 4 }),
    ]);
    // A retried split answers the group as it is and announces nothing more.
    await b.admin.split(groupId, { petitionId: ids[0] ?? '', reason: '测试', operatorId: 'op.it' });
    expect(
      await db.query(`SELECT 1 FROM ${SCHEMA}.outbox_messages WHERE event_type = 'petition.ungrouped'`),
    ).toHaveLength(1);
  });

  it('does not join a group a member of which is resolved: a new report is a recurrence', async () => {
    const first = await stored('南江北路变压器又停电了', 5000, 'NANJIANG');
    const second = await stored('变压器又停电了 南江北路', 5001, 'NANJIANG');
    await assign(a, first);
    await assign(a, second);
    expect(await groupOf(first)).not.toBeNull();
    await a.dataSource.manager.insert(
      PetitionStatusEntity,
      Object.assign(new PetitionStatusEntity(), {
        petitionId: first,
        status: 'resolved',
        coDepartments: [],
        resolvedAt: new Date(T0 + 5100 * MINUTE),
      }),
    );
    const recurrence = await stored('变压器又停电了', 5200, 'NANJIANG');
    await assign(b, recurrence);
    expect(await groupOf(recurrence)).toBeNull();
  });
});
