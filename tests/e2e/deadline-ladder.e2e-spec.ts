import { demoChannelCredential, signChannelRequest, Topics, unixSeconds } from '@petitions/contracts';
import { createTestKafka, expectEventually, TopicRecorder, type RecordedMessage } from '@petitions/testing';
import type { Producer } from 'kafkajs';
import { sendDepartmentResponse } from '../support/department';
import { RunningSystem } from '../support/system';
import { TestDatabase } from '../support/test-database';

const CHANNEL = 'wechat-enterprise';
// Routing's rules: school places → EDU; "多次 … 无果" → complex (the 15-working-day four-handling ladder).
const TEXT = '南洲工业园企业员工子女入学难，户籍不在学区，多次反映无果，希望协调新建小学学位。';

interface StepView {
  stepId: string;
  step: string;
  status: 'fired' | 'skipped' | 'pending';
  at: string | null;
}
interface ClocksView {
  clocks: { clockId: string; policy: string; calendar: string; dueAt: string; steps: StepView[] }[];
  holdings: { departmentCode: string; endedBy: string | null; countedSeconds: number | null }[];
}
interface StepReached {
  step: string;
  stepId: string;
  policy: string;
  scheduledAt: string;
  notify: { role: string; code?: string }[];
}

function payloadOf<T>(message: RecordedMessage): T {
  return JSON.parse(message.value ?? 'null') as T;
}

/**
 * The 15-working-day ladder of a complex petition, end to end in seconds: deadline tracking's time is moved (test
 * time, DEADLINE_TIME_CONTROL) to each rung in turn; every rung is one deadline.step-reached on the topic, in order,
 * naming whom to notify; the acknowledgement in time means no acknowledgement-overdue; the breach is investigate (查办)
 * by the discipline office; the late resolution stops the clock outside the deadline.
 */
describe('deadline ladder: assign, supervise, summon, investigate for a complex petition', () => {
  const kafka = createTestKafka();
  let db: TestDatabase;
  let system: RunningSystem;
  let recorder: TopicRecorder;
  let producer: Producer;
  let offsetMs = 0;

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_ladder');
    system = await RunningSystem.start(db, 3341, { DEADLINE_TIME_CONTROL: 'true', DEADLINE_SCAN_INTERVAL_MS: '200' });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    recorder = await TopicRecorder.start(kafka, [Topics.deadlineEvents, 'dept.EDU.assignments'], {
      fromBeginning: false,
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    if (system) await system.stop();
    await db?.drop();
  });

  async function moveTimeTo(instant: string): Promise<void> {
    offsetMs = Math.max(offsetMs, Date.parse(instant) - Date.now() + 1000);
    const response = await fetch(`${system.url('deadline-tracking')}/test/time`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs }),
    });
    expect(response.status).toBe(200);
  }

  async function clocksOf(petitionId: string): Promise<ClocksView> {
    const response = await fetch(`${system.url('deadline-tracking')}/clocks/${petitionId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ClocksView;
  }

  it('walks the ladder rung by rung as time is moved, exactly once each', async () => {
    const body = JSON.stringify({ channel: CHANNEL, channelMessageId: `e2e-ladder-${Date.now()}`, text: TEXT });
    const { keyId, secret } = demoChannelCredential(CHANNEL);
    const posted = await fetch(`${system.url('intake')}/petitions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signChannelRequest({ keyId, secret, body, timestamp: unixSeconds(new Date()) }),
      },
      body,
    });
    expect(posted.status).toBe(202);
    const { petitionId } = (await posted.json()) as { petitionId: string };
    const ofType = (type: string) => (m: RecordedMessage) => m.key === petitionId && m.headers['event-type'] === type;
    const steps = (): StepReached[] =>
      recorder
        .messages()
        .filter(ofType('deadline.step-reached'))
        .map(payloadOf<StepReached>);
    const waitForStep = (stepId: string): Promise<unknown> =>
      expectEventually(() => expect(steps().map((step) => step.stepId)).toContain(stepId), {
        timeoutMs: 60_000,
        description: `step ${stepId}`,
      });

    // Armed under complex@2 (15 working days); assign (交办) fires at once.
    const armed = await recorder.waitFor((messages) => messages.some(ofType('deadline.armed')), 60_000);
    const armedPayload = payloadOf<{ policy: string; departmentCode: string }>(
      armed.filter(ofType('deadline.armed'))[0]!,
    );
    expect(armedPayload).toMatchObject({ policy: 'complex@2', departmentCode: 'EDU' });
    await waitForStep('assign');

    // EDU signs for it (签收) in time: the acknowledgement deadline must pass silently.
    const workOrder = (await recorder.waitFor((m) => m.some(ofType('work-order.issued')), 60_000)).find(
      ofType('work-order.issued'),
    );
    await sendDepartmentResponse(
      producer,
      'department.acknowledged',
      { petitionId, departmentCode: 'EDU', acknowledgedAt: new Date().toISOString() },
      workOrder,
    );
    await expectEventually(async () => {
      const rows = await db.query('SELECT 1 FROM deadlines.acknowledgements WHERE petition_id = $1', [petitionId]);
      expect(rows).toHaveLength(1);
    });

    const view = await clocksOf(petitionId);
    expect(view.clocks).toHaveLength(1);
    expect(view.clocks[0]?.calendar).toBe('working-days');
    const pendingAt = (stepId: string): string => {
      const at = view.clocks[0]?.steps.find((step) => step.stepId === stepId)?.at;
      if (!at) throw new Error(`no time for ${stepId}`);
      return at;
    };
    for (const rung of ['supervise', 'summon', 'investigate']) {
      await moveTimeTo(pendingAt(rung));
      await waitForStep(rung);
    }
    expect(view.clocks[0]?.dueAt).toBe(pendingAt('investigate'));

    // One event per rung, in order; acknowledgement-overdue skipped; investigate names the discipline office.
    const reached = steps();
    expect(reached.map((step) => step.step)).toEqual(['assign', 'supervise', 'summon', 'investigate']);
    expect(reached.map((step) => Date.parse(step.scheduledAt))).toEqual(
      reached.map((step) => Date.parse(step.scheduledAt)).sort((a, b) => a - b),
    );
    expect(reached.at(-1)?.notify).toEqual(
      expect.arrayContaining([
        { role: 'department-head', code: 'EDU' },
        { role: 'discipline-office', code: 'DISCIPLINE' },
      ]),
    );
    expect(reached.find((step) => step.step === 'supervise')?.notify).toContainEqual({ role: 'district-leadership' });
    await recorder.waitFor((messages) => messages.some(ofType('deadline.breached')), 30_000);
    expect((await clocksOf(petitionId)).clocks[0]?.steps.find((s) => s.stepId === 'acknowledgement')?.status).toBe(
      'skipped',
    );

    // Resolved after the breach: the clock stops outside the deadline; EDU held it the whole time.
    await sendDepartmentResponse(
      producer,
      'department.resolved',
      {
        petitionId,
        departmentCode: 'EDU',
        result: '已协调南洲新建小学接收园区企业员工子女43名入学。',
        resolvedAt: new Date(Date.now() + offsetMs).toISOString(),
      },
      workOrder,
    );
    const stopped = (await recorder.waitFor((m) => m.some(ofType('deadline.stopped')), 60_000)).find(
      ofType('deadline.stopped'),
    );
    expect(payloadOf<{ withinDeadline: boolean }>(stopped!).withinDeadline).toBe(false);
    const holding = (await recorder.waitFor((m) => m.some(ofType('deadline.holding-recorded')), 30_000)).find(
      ofType('deadline.holding-recorded'),
    );
    expect(payloadOf<{ departmentCode: string; endedBy: string; countedSeconds: number }>(holding!)).toMatchObject({
      departmentCode: 'EDU',
      endedBy: 'stopped',
    });

    // Exactly once: no step event twice, whatever the scanner did in between.
    const ids = steps().map((step) => step.stepId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(recorder.messages().filter(ofType('deadline.breached'))).toHaveLength(1);
  });
});
