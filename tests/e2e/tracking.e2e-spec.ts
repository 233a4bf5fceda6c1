import { demoChannelCredential, signChannelRequest, unixSeconds } from '@petitions/contracts';
import { departmentNamed } from '@petitions/district';
import { createTestKafka, expectEventually } from '@petitions/testing';
import type { Producer } from 'kafkajs';
import { sendDepartmentResponse } from '../support/department';
import { plantedIn, plantReporter } from '../support/planted-personal-data';
import { RunningSystem } from '../support/system';
import { TestDatabase } from '../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHANNEL = 'wechat-resident';
const TEXT = '南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。';
const RESULT = '已疏通南江北路下水道，污水已清理。';
// The lookup is rate-limited per client address (30 a minute by default); this test polls it from one address.
const GENEROUS_LOOKUP_LIMIT = JSON.stringify({ 'tracking-lookup': { limit: 100_000, windowSeconds: 60 } });

interface TimelineStep {
  at: string;
  event: string;
  department?: { code: string; name: string };
}

interface Tracking {
  trackingCode: string;
  status: string;
  department: { code: string; name: string } | null;
  coDepartments: { code: string; name: string }[];
  category: string | null;
  receivedAt: string;
  expectedBy: string | null;
  overdue: boolean;
  resolvedAt: string | null;
  result: string | null;
  timeline: TimelineStep[];
}

function signedPost(url: string, body: string): Promise<Response> {
  const { keyId, secret } = demoChannelCredential(CHANNEL);
  const signature = signChannelRequest({ keyId, secret, body, timestamp: unixSeconds(new Date()) });
  return fetch(`${url}/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signature },
    body,
  });
}

describe('tracking: a citizen looks up their petition by its tracking code', () => {
  const kafka = createTestKafka();
  const reporter = plantReporter('mobile');
  const channelMessageId = `e2e-track-${Date.now()}`;
  const answers: string[] = [];
  let db: TestDatabase;
  let system: RunningSystem;
  let producer: Producer;

  async function lookUp(code: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${system.url('intake')}/petitions/track/${encodeURIComponent(code)}`);
    const text = await response.text();
    answers.push(text);
    return { status: response.status, text };
  }

  /** Waits until the lookup answers 200 and `check` passes on it; returns the view. */
  function eventually(code: string, check: (view: Tracking) => void): Promise<Tracking> {
    return expectEventually(
      async () => {
        const { status, text } = await lookUp(code);
        expect(status).toBe(200);
        const view = JSON.parse(text) as Tracking;
        check(view);
        return view;
      },
      { timeoutMs: 30_000, description: `the lookup of ${code}` },
    );
  }

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_tracking');
    system = await RunningSystem.start(db, 3241, {
      INTAKE_RATE_LIMITS: GENEROUS_LOOKUP_LIMIT,
      INTAKE_RATE_LIMIT_PREFIX: `intake:rl:e2etrack${Date.now()}:`,
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    if (system) await system.stop();
    await db?.drop();
  });

  it('shows the status, the department, the deadline and the timeline as the department answers', async () => {
    const body = { channel: CHANNEL, channelMessageId, text: TEXT, unit: 'NANJIANG', reporter: reporter.posted };
    const posted = await signedPost(system.url('intake'), JSON.stringify(body));
    expect(posted.status).toBe(202);
    const { petitionId, trackingCode } = (await posted.json()) as { petitionId: string; trackingCode: string };

    // Routing assigns it and deadline-tracking arms a 5-day clock; intake learns both from the topics.
    const assigned = await eventually(trackingCode, (view) => {
      expect(view.status).toBe('assigned');
      expect(view.expectedBy).not.toBeNull();
    });
    const urbanName = departmentNamed('URBAN')?.name;
    expect(urbanName).toMatch(/[\u4e00-\u9fff]/);
    expect(assigned).toMatchObject({
      trackingCode,
      department: { code: 'URBAN', name: urbanName },
      coDepartments: [],
      category: 'sewer-and-drain',
      overdue: false,
      resolvedAt: null,
      result: null,
    });
    expect(Date.parse(assigned.expectedBy ?? '') - Date.parse(assigned.receivedAt)).toBe(5 * DAY_MS);
    expect(assigned.timeline.map((step) => step.event)).toEqual(['received', 'assigned']);

    // A lower-case code, as a citizen may type it, finds the same petition.
    expect((await lookUp(trackingCode.toLowerCase())).status).toBe(200);

    const answer = { petitionId, departmentCode: 'URBAN', handler: '网格员周海涛' };
    await sendDepartmentResponse(producer, 'department.acknowledged', {
      ...answer,
      acknowledgedAt: new Date().toISOString(),
    });
    await eventually(trackingCode, (view) => expect(view.status).toBe('acknowledged'));

    await sendDepartmentResponse(producer, 'department.progress-reported', {
      ...answer,
      note: '已派人现场查看',
      reportedAt: new Date().toISOString(),
    });
    await eventually(trackingCode, (view) => expect(view.status).toBe('in-progress'));

    const resolvedAt = new Date().toISOString();
    await sendDepartmentResponse(producer, 'department.resolved', { ...answer, result: RESULT, resolvedAt });
    const resolved = await eventually(trackingCode, (view) => expect(view.status).toBe('resolved'));
    expect(resolved).toMatchObject({ resolvedAt, result: RESULT, overdue: false });
    expect(resolved.timeline.map((step) => step.event)).toEqual([
      'received',
      'assigned',
      'acknowledged',
      'progress',
      'resolved',
    ]);
    const times = resolved.timeline.map((step) => Date.parse(step.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const step of resolved.timeline.slice(1)) {
      expect(step.department).toEqual({ code: 'URBAN', name: urbanName });
    }
  });

  it('never shows the reporter, the channel message id or the department’s handler', () => {
    // Every lookup answer of this run: the reporter's planted data and the channel's ids must be in none of them.
    expect(answers.length).toBeGreaterThan(0);
    for (const text of answers) {
      expect(plantedIn(text, [reporter])).toEqual([]);
      expect(text).not.toContain(channelMessageId);
      expect(text).not.toContain(reporter.stored.handle);
      expect(text).not.toContain('网格员周海涛');
    }
  });

  it.each(['2345-6789-ABCD', 'not-a-code', '0000-0000-0000'])(
    'answers %s, which no petition has, with 404 in intake’s error format',
    async (code) => {
      const { status, text } = await lookUp(code);
      expect(status).toBe(404);
      expect(JSON.parse(text)).toEqual({ error: { code: 'NOT_FOUND', message: 'no petition has this tracking code' } });
    },
  );
});
