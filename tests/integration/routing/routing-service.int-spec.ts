import type { PetitionAssignedV1, PetitionTriageQueuedV1, WorkOrderIssuedV1 } from '@petitions/contracts';
import { DEMO_DISTRICT, type District } from '@petitions/district';
import { expectEventually, type RecordedMessage } from '@petitions/testing';
import { stringify } from 'yaml';
import { about, aPetition, call, payloadOf, publishReceived, RoutingUnderTest, TOKENS } from '../../support/routing';

/**
 * Routing on its own, as a process on real Kafka and PostgreSQL: the classifier decides, a petition in doubt waits in
 * the triage queue until an operator decides, an urgent one goes out at once with its duty officer notified, and a
 * new district file is switched on through the admin API.
 */

const PORT = 3180;
/** Tuesday 7 July 2026, 20:05:01 in Beijing: the evening shift of grid FULING-02 (S1). */
const S1_RECEIVED_AT = '2026-07-07T12:05:01.000Z';

describe('routing service', () => {
  let system: RoutingUnderTest;

  beforeAll(async () => {
    system = await RoutingUnderTest.start('routing', PORT);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const waitFor = (petitionId: string, type: string, count = 1): Promise<RecordedMessage[]> =>
    system.waitFor(petitionId, type, count);

  it('S1: assigns an urgent fire at once to FIRE with POWER, names the grid worker on duty and notifies them', async () => {
    const petition = aPetition({
      text: '杨家山停电了，变压器着火了在冒烟。',
      unit: 'FULING',
      town: 'FUKOU_TOWN',
      grid: 'FULING-02',
      receivedAt: S1_RECEIVED_AT,
    });
    const receivedEventId = await publishReceived(system.producer, petition);

    const [assigned] = await waitFor(petition.petitionId, 'petition.assigned');
    expect(assigned?.headers['causation-id']).toBe(receivedEventId);
    const payload = payloadOf<PetitionAssignedV1>(assigned!);
    expect(payload).toMatchObject({
      departmentCode: 'FIRE',
      category: 'fire-smoke',
      urgent: true,
      decidedBy: 'classifier',
      needsReview: false,
      grid: 'FULING-02',
      districtVersion: 'demo-2026.1',
      onDuty: { level: 'grid', scope: 'FULING-02', personId: 'g-fuling-02-2', name: '网格员 马丽娟' },
    });
    expect(payload.coDepartments).toContain('POWER');
    expect(payload.confidence).toBeGreaterThanOrEqual(0.9);

    const orders = await waitFor(petition.petitionId, 'work-order.issued', 2);
    const byTopic = Object.fromEntries(orders.map((order) => [order.topic, payloadOf<WorkOrderIssuedV1>(order)]));
    expect(byTopic['dept.FIRE.assignments']).toMatchObject({ role: 'primary', urgent: true, grid: 'FULING-02' });
    expect(byTopic['dept.POWER.assignments']).toMatchObject({ role: 'co', urgent: true });
    const fireOrder = byTopic['dept.FIRE.assignments']!;
    expect(Date.parse(fireOrder.acknowledgeBy ?? '') - Date.parse(fireOrder.issuedAt)).toBe(15 * 60 * 1000);

    const [notice] = await waitFor(petition.petitionId, 'duty.notification-requested');
    expect(notice?.topic).toBe('channel.outbound');
    expect(payloadOf(notice!)).toMatchObject({
      reason: 'urgent-petition',
      recipient: { personId: 'g-fuling-02-2', channel: 'wechat-resident', handle: 'wx_fuling_02_2' },
    });
  });

  it('uses the channel’s category when there is one: its department, urgency and complexity', async () => {
    const petition = aPetition({ text: '这条路晚上黑漆漆的', unit: 'NANJIANG', category: 'street-light' });
    await publishReceived(system.producer, petition);
    const [assigned] = await waitFor(petition.petitionId, 'petition.assigned');
    expect(payloadOf<PetitionAssignedV1>(assigned!)).toMatchObject({
      departmentCode: 'URBAN',
      category: 'street-light',
      confidence: 1,
      decidedBy: 'channel-category',
      urgent: false,
    });
  });

  describe('triage', () => {
    const unsure = aPetition({ text: '请问这个怎么办', unit: 'FULING' });

    it('queues a petition routing is not sure of: nothing goes to a department', async () => {
      await publishReceived(system.producer, unsure);
      const [queued] = await waitFor(unsure.petitionId, 'petition.triage-queued');
      expect(payloadOf<PetitionTriageQueuedV1>(queued!).confidence).toBeLessThan(0.4);
      expect(about(system.recorder.messages(), unsure.petitionId, 'petition.assigned')).toEqual([]);
      expect(about(system.recorder.messages(), unsure.petitionId, 'work-order.issued')).toEqual([]);
    });

    it('shows the queue to operators only', async () => {
      expect((await call(`${system.url}/triage`)).status).toBe(401);
      expect((await call(`${system.url}/triage`, { token: 'x'.repeat(40) })).status).toBe(401);
      expect((await call(`${system.url}/triage`, { token: TOKENS.fire })).status).toBe(403);
      expect((await call(`${system.url}/triage`, { token: TOKENS.admin })).status).toBe(403);
      const response = await call(`${system.url}/triage`, { token: TOKENS.operator });
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: { petitionId: string; kind: string; text: string }[] };
      expect(items).toContainEqual(
        expect.objectContaining({ petitionId: unsure.petitionId, kind: 'triage', text: unsure.text }),
      );
    });

    it('refuses a decision that does not fit the district, naming the problem', async () => {
      const response = await call(`${system.url}/triage/${unsure.petitionId}/decision`, {
        method: 'POST',
        token: TOKENS.operator,
        body: { departmentCode: 'MOON' },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'the decision does not fit the district',
          problems: ['departmentCode: unknown department MOON'],
        },
      });
    });

    it('assigns on the operator’s decision, and keeps it as a training label', async () => {
      const response = await call(`${system.url}/triage/${unsure.petitionId}/decision`, {
        method: 'POST',
        token: TOKENS.operator,
        body: { departmentCode: 'HOUSING', note: '物业维修' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        petitionId: unsure.petitionId,
        kind: 'triage',
        departmentCode: 'HOUSING',
        action: 'assigned',
      });
      const [assigned] = await waitFor(unsure.petitionId, 'petition.assigned');
      expect(payloadOf<PetitionAssignedV1>(assigned!)).toMatchObject({
        departmentCode: 'HOUSING',
        confidence: 1,
        decidedBy: 'operator',
        reason: 'operator op-triage: 物业维修',
      });
      const [queued] = about(system.recorder.messages(), unsure.petitionId, 'petition.triage-queued');
      expect(assigned?.headers['causation-id']).toBe(queued?.headers['event-id']);
      await waitFor(unsure.petitionId, 'work-order.issued');
      const labels = await system.db.query<{ source: string; department_code: string; labelled_by: string }>(
        'SELECT source, department_code, labelled_by FROM routing.training_labels WHERE petition_id = $1',
        [unsure.petitionId],
      );
      expect(labels).toEqual([{ source: 'triage', department_code: 'HOUSING', labelled_by: 'op-triage' }]);
    });

    it('refuses a second decision on the same petition', async () => {
      const response = await call(`${system.url}/triage/${unsure.petitionId}/decision`, {
        method: 'POST',
        token: TOKENS.operator,
        body: { departmentCode: 'URBAN' },
      });
      expect(response.status).toBe(409);
    });
  });

  describe('the district file', () => {
    function changedDistrict(version: string): District {
      const district = structuredClone(DEMO_DISTRICT);
      district.version = version;
      const roster = district.dutyRosters?.find((candidate) => candidate.scope === 'FULING-02');
      if (!roster?.shifts[1]) throw new Error('the demo district has no evening shift for FULING-02');
      roster.shifts[1].person = { id: 'g-new', name: '网格员 新人', role: '网格员' };
      return district;
    }

    it('is for admins only', async () => {
      expect((await call(`${system.url}/admin/district`, { token: TOKENS.operator })).status).toBe(403);
      const response = await call(`${system.url}/admin/district`, { token: TOKENS.admin });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        versions: [expect.objectContaining({ version: 'demo-2026.1', source: 'demo', active: true })],
      });
    });

    it('rejects a bad file with every reason and keeps the active version', async () => {
      const bad = changedDistrict('bad-1');
      bad.chatGroups![0]!.grid = 'MOON-01';
      bad.categories[0]!.department = 'NOWHERE';
      const response = await call(`${system.url}/admin/district`, {
        method: 'PUT',
        token: TOKENS.admin,
        body: stringify(bad),
        contentType: 'application/yaml',
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; problems: string[] } };
      expect(body.error.code).toBe('DISTRICT_REJECTED');
      expect(body.error.problems).toEqual(
        expect.arrayContaining([
          'chatGroups[0].grid: unknown grid "MOON-01"',
          'categories[0].department: unknown department "NOWHERE"',
        ]),
      );
      const versions = (await (await call(`${system.url}/admin/district`, { token: TOKENS.admin })).json()) as {
        versions: { version: string; active: boolean }[];
      };
      expect(versions.versions.filter((version) => version.active).map((version) => version.version)).toEqual([
        'demo-2026.1',
      ]);
    });

    it('switches a good file on without a restart, and assignments record its version', async () => {
      const response = await call(`${system.url}/admin/district`, {
        method: 'PUT',
        token: TOKENS.admin,
        body: stringify(changedDistrict('test-2')),
        contentType: 'application/yaml',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ version: 'test-2', changed: true });

      const petition = aPetition({
        text: '伏岭社区着火了，冒黑烟',
        unit: 'FULING',
        grid: 'FULING-02',
        receivedAt: S1_RECEIVED_AT,
      });
      await publishReceived(system.producer, petition);
      const [assigned] = await waitFor(petition.petitionId, 'petition.assigned');
      expect(payloadOf<PetitionAssignedV1>(assigned!)).toMatchObject({
        districtVersion: 'test-2',
        onDuty: { personId: 'g-new', name: '网格员 新人' },
      });
      const rows = await system.db.query<{ district_version: string }>(
        'SELECT district_version FROM routing.assignments WHERE petition_id = $1',
        [petition.petitionId],
      );
      expect(rows).toEqual([{ district_version: 'test-2' }]);
    });

    it('refuses the same version with other content', async () => {
      const changed = changedDistrict('test-2');
      changed.district.name = '另一个区';
      const response = await call(`${system.url}/admin/district`, {
        method: 'PUT',
        token: TOKENS.admin,
        body: changed,
      });
      expect(response.status).toBe(409);
    });

    it('reloads the configured file (the demo) on request', async () => {
      const response = await call(`${system.url}/admin/district/reload`, { method: 'POST', token: TOKENS.admin });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ version: 'demo-2026.1', changed: true });
      await expectEventually(async () => {
        const { versions } = (await (await call(`${system.url}/admin/district`, { token: TOKENS.admin })).json()) as {
          versions: { version: string; active: boolean }[];
        };
        expect(versions.find((version) => version.active)?.version).toBe('demo-2026.1');
      });
    });
  });
});
