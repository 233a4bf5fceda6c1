import type {
  PetitionAcknowledgementOverdueV1,
  PetitionCoordinationRequiredV1,
  PetitionReassignedV1,
  WorkOrderIssuedV1,
} from '@petitions/contracts';
import { expectEventually, type RecordedMessage } from '@petitions/testing';
import { sendDepartmentResponse } from '../../support/department';
import { about, aPetition, call, payloadOf, publishReceived, RoutingUnderTest, TOKENS } from '../../support/routing';

/**
 * The departments' side of routing, on real Kafka and PostgreSQL: each department system reaches only its own work
 * orders and answers through routing's HTTP API (or dept.responses), an unacknowledged work order escalates, and a
 * petition passed back and forth stops with its first receiver (首接负责制).
 */

const PORT = 3181;
const URGENT_ACK_SECONDS = 6;

describe('routing: departments, escalation and transfers', () => {
  let system: RoutingUnderTest;

  beforeAll(async () => {
    system = await RoutingUnderTest.start('routing-depts', PORT, {
      ROUTING_ACK_TIMEOUT_URGENT_SECONDS: String(URGENT_ACK_SECONDS),
      ROUTING_ACK_SCAN_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  const waitFor = (petitionId: string, type: string, count = 1): Promise<RecordedMessage[]> =>
    system.waitFor(petitionId, type, count);

  const workOrders = (petitionId: string): string => `${system.url}/department/work-orders/${petitionId}`;

  describe('an urgent fire (S1): FIRE primary, POWER co-department', () => {
    const fire = aPetition({ text: '杨家山停电了，变压器着火了在冒烟。', unit: 'FULING', grid: 'FULING-02' });
    let orders: RecordedMessage[];

    beforeAll(async () => {
      await publishReceived(system.producer, fire);
      orders = await waitFor(fire.petitionId, 'work-order.issued', 2);
    });

    it('lets a department read its own work order, and no other department read it', async () => {
      const own = await call(workOrders(fire.petitionId), { token: TOKENS.fire });
      expect(own.status).toBe(200);
      expect(await own.json()).toMatchObject({
        petitionId: fire.petitionId,
        departmentCode: 'FIRE',
        role: 'primary',
        status: 'issued',
      });
      const other = await call(workOrders(fire.petitionId), { token: TOKENS.urban });
      expect(other.status).toBe(404);
      const list = (await (await call(`${system.url}/department/work-orders`, { token: TOKENS.urban })).json()) as {
        workOrders: { petitionId: string }[];
      };
      expect(list.workOrders.map((order) => order.petitionId)).not.toContain(fire.petitionId);
      expect((await call(workOrders(fire.petitionId))).status).toBe(401);
      expect((await call(workOrders(fire.petitionId), { token: TOKENS.operator })).status).toBe(403);
    });

    it('lets no department answer for another', async () => {
      const response = await call(`${workOrders(fire.petitionId)}/acknowledge`, {
        method: 'POST',
        token: TOKENS.urban,
        body: {},
      });
      expect(response.status).toBe(404);
      const resolve = await call(`${workOrders(fire.petitionId)}/resolve`, {
        method: 'POST',
        token: TOKENS.urban,
        body: { result: '已处理' },
      });
      expect(resolve.status).toBe(404);
      expect(about(system.recorder.messages(), fire.petitionId, 'department.acknowledged')).toEqual([]);
      expect(about(system.recorder.messages(), fire.petitionId, 'department.resolved')).toEqual([]);
    });

    it('refuses a transfer request from a co-department', async () => {
      const response = await call(`${workOrders(fire.petitionId)}/transfer`, {
        method: 'POST',
        token: TOKENS.power,
        body: { reason: '不是我们的事' },
      });
      expect(response.status).toBe(409);
    });

    it('escalates the department that did not acknowledge in time, not the one that did', async () => {
      const fireOrder = orders.find((order) => order.topic === 'dept.FIRE.assignments');
      // FIRE's own system acknowledges on dept.responses at once; POWER never does.
      await sendDepartmentResponse(
        system.producer,
        'department.acknowledged',
        { petitionId: fire.petitionId, departmentCode: 'FIRE', acknowledgedAt: new Date().toISOString() },
        fireOrder,
      );
      const [overdue] = await waitFor(fire.petitionId, 'petition.acknowledgement-overdue');
      const payload = payloadOf<PetitionAcknowledgementOverdueV1>(overdue!);
      expect(payload).toMatchObject({
        departmentCode: 'POWER',
        role: 'co',
        urgent: true,
        escalatedTo: { level: 'town', scope: 'FUKOU_TOWN' },
      });
      expect(Date.parse(payload.acknowledgeBy) - Date.parse(payload.issuedAt)).toBe(URGENT_ACK_SECONDS * 1000);
      expect(Date.parse(payload.escalatedAt)).toBeGreaterThanOrEqual(Date.parse(payload.acknowledgeBy));
      const notices = await waitFor(fire.petitionId, 'duty.notification-requested', 2);
      expect(notices.map((notice) => payloadOf<{ reason: string }>(notice).reason).sort()).toEqual([
        'acknowledgement-overdue',
        'urgent-petition',
      ]);
      // Both deadlines passed in the same scan: FIRE would have been escalated with POWER had it not acknowledged.
      expect(about(system.recorder.messages(), fire.petitionId, 'petition.acknowledgement-overdue')).toHaveLength(1);
      const rows = await system.db.query<{ department_code: string; status: string; escalated: boolean }>(
        `SELECT department_code, status, escalated_at IS NOT NULL AS escalated FROM routing.work_orders
          WHERE petition_id = $1 ORDER BY department_code`,
        [fire.petitionId],
      );
      expect(rows).toEqual([
        { department_code: 'FIRE', status: 'acknowledged', escalated: false },
        { department_code: 'POWER', status: 'issued', escalated: true },
      ]);
    });

    it('puts a department’s answers through its API on dept.responses, as its own, in the petition’s story', async () => {
      const powerOrder = orders.find((order) => order.topic === 'dept.POWER.assignments');
      const answers = [
        ['acknowledge', { handler: '王工' }, 'department.acknowledged'],
        ['progress', { note: '抢修班组已出发' }, 'department.progress-reported'],
        ['extension', { reason: '需更换变压器', days: 3 }, 'department.extension-requested'],
        ['resolve', { result: '已恢复供电', handler: '王工' }, 'department.resolved'],
      ] as const;
      for (const [path, body, type] of answers) {
        const response = await call(`${workOrders(fire.petitionId)}/${path}`, {
          method: 'POST',
          token: TOKENS.power,
          body,
        });
        expect({ path, status: response.status }).toEqual({ path, status: 202 });
        const answer = await expectEventually(() => {
          const found = about(system.recorder.messages(), fire.petitionId, type).find(
            (message) => message.headers['producer'] === 'dept-system-POWER',
          );
          if (!found) throw new Error(`no ${type} from POWER yet`);
          return found;
        });
        expect(answer.headers).toMatchObject({
          'causation-id': powerOrder?.headers['event-id'],
          'correlation-id': powerOrder?.headers['correlation-id'],
        });
        expect(payloadOf(answer)).toMatchObject({ ...body, petitionId: fire.petitionId, departmentCode: 'POWER' });
      }
      const invalid = await call(`${workOrders(fire.petitionId)}/extension`, {
        method: 'POST',
        token: TOKENS.fire,
        body: { reason: 'x', days: 99, extra: 1 },
      });
      expect(invalid.status).toBe(400);
      await expectEventually(async () => {
        const shown = (await (await call(workOrders(fire.petitionId), { token: TOKENS.power })).json()) as {
          status: string;
        };
        expect(shown.status).toBe('resolved');
      });
      const again = await call(`${workOrders(fire.petitionId)}/resolve`, {
        method: 'POST',
        token: TOKENS.power,
        body: { result: '再次' },
      });
      expect(again.status).toBe(409);
    });

    it('keeps the department that resolved the petition as its training label once the primary resolves', async () => {
      const response = await call(`${workOrders(fire.petitionId)}/resolve`, {
        method: 'POST',
        token: TOKENS.fire,
        body: { result: '明火已扑灭' },
      });
      expect(response.status).toBe(202);
      await expectEventually(async () => {
        const labels = await system.db.query<{ source: string; department_code: string }>(
          'SELECT source, department_code FROM routing.training_labels WHERE petition_id = $1',
          [fire.petitionId],
        );
        expect(labels).toEqual([{ source: 'outcome', department_code: 'FIRE' }]);
      });
    });
  });

  describe('transfers without buck-passing (S7)', () => {
    const garbage = aPetition({ text: '小区门口的垃圾好几天没人清运了', unit: 'NANJIANG', category: 'garbage' });

    it('re-routes a transfer request to the suggested department and withdraws the first work order', async () => {
      await publishReceived(system.producer, garbage);
      await waitFor(garbage.petitionId, 'work-order.issued');
      const response = await call(`${workOrders(garbage.petitionId)}/transfer`, {
        method: 'POST',
        token: TOKENS.urban,
        body: { reason: '线路问题归供电', suggestedDepartment: 'POWER' },
      });
      expect(response.status).toBe(202);
      const [reassigned] = await waitFor(garbage.petitionId, 'petition.reassigned');
      expect(payloadOf<PetitionReassignedV1>(reassigned!)).toMatchObject({
        fromDepartment: 'URBAN',
        departmentCode: 'POWER',
        cause: 'transfer',
        chain: [{ fromDepartment: 'URBAN', toDepartment: 'POWER', reason: '线路问题归供电' }],
      });
      const [withdrawn] = await waitFor(garbage.petitionId, 'work-order.withdrawn');
      expect(withdrawn?.topic).toBe('dept.URBAN.assignments');
      const orders = await waitFor(garbage.petitionId, 'work-order.issued', 2);
      expect(orders.map((order) => [order.topic, payloadOf<WorkOrderIssuedV1>(order).role])).toContainEqual([
        'dept.POWER.assignments',
        'primary',
      ]);
      const late = await call(`${workOrders(garbage.petitionId)}/acknowledge`, {
        method: 'POST',
        token: TOKENS.urban,
        body: {},
      });
      expect(late.status).toBe(409);
    });

    it('stops a ping-pong (A → B → A): the first receiver keeps it, complex, district coordination', async () => {
      const response = await call(`${workOrders(garbage.petitionId)}/transfer`, {
        method: 'POST',
        token: TOKENS.power,
        body: { reason: '垃圾清运是城管的事', suggestedDepartment: 'URBAN' },
      });
      expect(response.status).toBe(202);
      const [coordination] = await waitFor(garbage.petitionId, 'petition.coordination-required');
      const required = payloadOf<PetitionCoordinationRequiredV1>(coordination!);
      expect(required).toMatchObject({ departmentCode: 'URBAN', trigger: 'ping-pong', returnedBy: ['URBAN', 'POWER'] });
      expect(required.chain.map((step) => [step.fromDepartment, step.toDepartment])).toEqual([
        ['URBAN', 'POWER'],
        ['POWER', 'URBAN'],
      ]);
      const reassignments = await waitFor(garbage.petitionId, 'petition.reassigned', 2);
      expect(payloadOf<PetitionReassignedV1>(reassignments[1]!)).toMatchObject({
        fromDepartment: 'POWER',
        departmentCode: 'URBAN',
        complexity: 'complex',
        cause: 'coordination',
      });
      const [row] = await system.db.query<{ department_code: string; complexity: string; coordinated: boolean }>(
        `SELECT department_code, complexity, coordinated_at IS NOT NULL AS coordinated FROM routing.assignments
          WHERE petition_id = $1`,
        [garbage.petitionId],
      );
      expect(row).toEqual({ department_code: 'URBAN', complexity: 'complex', coordinated: true });
    });

    it('ignores further transfer requests once coordination has the petition', async () => {
      const response = await call(`${workOrders(garbage.petitionId)}/transfer`, {
        method: 'POST',
        token: TOKENS.urban,
        body: { reason: '还是不归我们', suggestedDepartment: 'HOUSING' },
      });
      expect(response.status).toBe(202);
      await waitFor(garbage.petitionId, 'department.transfer-requested', 3);
      // Routing has handled the request when its consumer's offset has passed it; the assignment must be unchanged.
      await expectEventually(async () => {
        const rows = await system.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM routing.inbox_messages WHERE event_type = 'department.transfer-requested'`,
        );
        expect(rows[0]?.n).toBe('3');
      });
      expect(about(system.recorder.messages(), garbage.petitionId, 'petition.reassigned')).toHaveLength(2);
      const [row] = await system.db.query<{ department_code: string }>(
        'SELECT department_code FROM routing.assignments WHERE petition_id = $1',
        [garbage.petitionId],
      );
      expect(row?.department_code).toBe('URBAN');
    });
  });
});
