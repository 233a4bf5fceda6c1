import { randomBytes } from 'node:crypto';
import {
  demoChannelCredential,
  signChannelRequest,
  Topics,
  unixSeconds,
  type PetitionGroupedV1,
  type PetitionUngroupedV1,
} from '@petitions/contracts';
import { createTestKafka, expectEventually, TopicRecorder, type RecordedMessage } from '@petitions/testing';
import { sameMatterCorpus } from '../../services/intake/src/definition';
import { RunningSystem } from '../support/system';
import { TestDatabase } from '../support/test-database';

const CHANNEL = 'wechat-resident';
const OPERATOR = 'op.e2e';
const TOKEN = `e2e-${randomBytes(24).toString('hex')}`;
const RUN = `e2e-same-${Date.now().toString(36)}`;

interface Accepted {
  petitionId: string;
  trackingCode: string;
}

interface GroupView {
  groupId: string;
  category: string;
  unit: string | null;
  leadPetitionId: string;
  memberCount: number;
  members: { petitionId: string; lead: boolean; similarity: number }[];
  splits: { petitionId: string; reason: string; by: string }[];
}

function payloadOf<T>(message: RecordedMessage): T {
  return JSON.parse(message.value ?? 'null') as T;
}

describe('same matter, many reporters: ten residents report one blackout', () => {
  const kafka = createTestKafka();
  let db: TestDatabase;
  let system: RunningSystem;
  let recorder: TopicRecorder;
  const blackout: Accepted[] = [];
  let unrelated: Accepted;
  let elsewhere: Accepted;

  /** POST /petitions, signed with the channel's demo key. */
  async function submit(index: string, text: string, unit: string): Promise<Accepted> {
    const body = JSON.stringify({ channel: CHANNEL, channelMessageId: `${RUN}-${index}`, text, unit });
    const { keyId, secret } = demoChannelCredential(CHANNEL);
    const response = await fetch(`${system.url('intake')}/petitions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signChannelRequest({ keyId, secret, body, timestamp: unixSeconds(new Date()) }),
      },
      body,
    });
    expect(response.status).toBe(202);
    return (await response.json()) as Accepted;
  }

  function admin(path: string, token: string | null, body?: object): Promise<Response> {
    return fetch(`${system.url('intake')}/admin/groups/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }

  async function track(code: string): Promise<{ text: string; sameMatter: { reports: number } | null }> {
    const response = await fetch(`${system.url('intake')}/petitions/track/${code}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, sameMatter: (JSON.parse(text) as { sameMatter: { reports: number } | null }).sameMatter };
  }

  /** Every petition.grouped about these petitions, in the order recorded. */
  function groupedAbout(ids: readonly string[]): PetitionGroupedV1[] {
    return recorder
      .messages(Topics.petitionEvents)
      .filter((message) => message.headers['event-type'] === 'petition.grouped')
      .map((message) => payloadOf<PetitionGroupedV1>(message))
      .filter((payload) => ids.includes(payload.petitionId));
  }

  beforeAll(async () => {
    db = await TestDatabase.create('e2e_same_matter');
    system = await RunningSystem.start(db, 3281, { INTAKE_OPERATOR_TOKENS: JSON.stringify({ [OPERATOR]: TOKEN }) });
    recorder = await TopicRecorder.start(kafka, [Topics.petitionEvents, Topics.routingEvents], {
      fromBeginning: false,
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    if (system) await system.stop();
    await db?.drop();
  });

  it('groups the ten reports into one group, one petition.grouped per member, and nothing else', async () => {
    // Ten residents of 伏岭社区 at once, another power matter there, and a blackout report word for word elsewhere.
    const texts = sameMatterCorpus.BLACKOUT_REPORTS;
    blackout.push(...(await Promise.all(texts.map((text, index) => submit(`r${index}`, text, 'FULING')))));
    unrelated = await submit('other', sameMatterCorpus.OTHER_POWER_MATTER, 'FULING');
    elsewhere = await submit('elsewhere', texts[5] ?? '', 'HECHENG');
    const ids = blackout.map((petition) => petition.petitionId);
    const all = [...ids, unrelated.petitionId, elsewhere.petitionId];

    // Routing assigns all twelve (power-outage); intake groups them as the assignments arrive.
    await recorder.waitFor(
      (messages) =>
        all.every((id) => messages.some((m) => m.headers['event-type'] === 'petition.assigned' && m.key === id)),
      60_000,
    );
    const grouped = await expectEventually(
      () => {
        const events = groupedAbout(all);
        const latest = new Map(events.map((event) => [event.petitionId, event]));
        expect([...latest.keys()].sort()).toEqual([...ids].sort());
        expect(new Set([...latest.values()].map((event) => event.groupId)).size).toBe(1);
        expect(Math.max(...events.map((event) => event.memberCount))).toBe(10);
        return events;
      },
      { timeoutMs: 60_000, description: 'ten petition.grouped naming one group' },
    );
    const groupId = grouped[grouped.length - 1]?.groupId ?? '';
    // One event per member; a member of a group merged into this one is announced again, naming this one.
    const merged = grouped.filter((event) => event.groupId !== groupId).map((event) => event.petitionId);
    expect(grouped.length).toBe(10 + merged.length);
    for (const event of grouped) {
      expect(event).toMatchObject({ category: 'power-outage', unit: 'FULING', town: 'FUKOU_TOWN' });
      expect(event.similarity).toBeGreaterThanOrEqual(0.2);
      expect(event.similarity).toBeLessThanOrEqual(1);
      expect(JSON.stringify(event)).not.toMatch(/停电|tracking|channel/i);
    }
    // The other matter and the other unit's identical words stayed alone, and intake says so nowhere.
    expect(groupedAbout([unrelated.petitionId, elsewhere.petitionId])).toEqual([]);

    const view = await admin(groupId, TOKEN);
    expect(view.status).toBe(200);
    const group = (await view.json()) as GroupView;
    expect(group).toMatchObject({ groupId, category: 'power-outage', unit: 'FULING', memberCount: 10 });
    expect(group.members.map((member) => member.petitionId).sort()).toEqual([...ids].sort());
    expect(group.members.filter((member) => member.lead).map((member) => member.petitionId)).toEqual([
      group.leadPetitionId,
    ]);

    // Each reporter keeps their own tracking code, and sees that ten reported it; never who.
    const seen = await track(blackout[3]?.trackingCode ?? '');
    expect(seen.sameMatter).toEqual({ reports: 10 });
    for (const other of blackout.filter((_, index) => index !== 3)) {
      expect(seen.text).not.toContain(other.petitionId);
      expect(seen.text).not.toContain(other.trackingCode);
    }
    expect((await track(unrelated.trackingCode)).sameMatter).toBeNull();
    expect((await track(elsewhere.trackingCode)).sameMatter).toBeNull();
  });

  it('refuses the operator API without a token or with a wrong one (401)', async () => {
    const [anyGroup] = groupedAbout(blackout.map((petition) => petition.petitionId));
    const groupId = anyGroup?.groupId ?? '';
    for (const token of [null, 'wrong-token-0123456789abcdef0123456789', `${TOKEN}x`]) {
      const view = await admin(groupId, token);
      expect(view.status).toBe(401);
      expect(view.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await view.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'an operator bearer token is required' },
      });
      const split = await admin(`${groupId}/split`, token, { petitionId: blackout[0]?.petitionId, reason: 'x' });
      expect(split.status).toBe(401);
    }
  });

  it('lets an operator split a report out: petition.ungrouped, a group of nine', async () => {
    const [anyEvent] = groupedAbout(blackout.map((petition) => petition.petitionId));
    const before = (await (await admin(anyEvent?.groupId ?? '', TOKEN)).json()) as GroupView;
    const { groupId, leadPetitionId: lead } = before;
    const out = blackout.find((petition) => petition.petitionId !== lead);
    if (!out) throw new Error('no member besides the lead');

    const response = await admin(`${groupId}/split`, TOKEN, {
      petitionId: out.petitionId,
      reason: '反映的是另一栋楼的线路问题',
    });
    expect(response.status).toBe(200);
    const group = (await response.json()) as GroupView;
    expect(group).toMatchObject({ groupId, memberCount: 9, leadPetitionId: lead });
    expect(group.members.map((member) => member.petitionId)).not.toContain(out.petitionId);
    expect(group.splits).toEqual([
      expect.objectContaining({ petitionId: out.petitionId, by: OPERATOR, reason: '反映的是另一栋楼的线路问题' }),
    ]);

    const ungrouped = await recorder.waitFor((messages) =>
      messages.some((m) => m.headers['event-type'] === 'petition.ungrouped' && m.key === out.petitionId),
    );
    const message = ungrouped.find((m) => m.headers['event-type'] === 'petition.ungrouped' && m.key === out.petitionId);
    if (!message) throw new Error('petition.ungrouped vanished');
    const event = payloadOf<PetitionUngroupedV1>(message);
    expect(event).toMatchObject({ groupId, petitionId: out.petitionId, by: OPERATOR, memberCount: 9 });
    expect((await track(out.trackingCode)).sameMatter).toBeNull();
    expect((await track(blackout.find((p) => p.petitionId === lead)?.trackingCode ?? '')).sameMatter).toEqual({
      reports: 9,
    });

    // A validation failure names the field, in intake's one error format.
    const bad = await admin(`${groupId}/split`, TOKEN, { petitionId: 'not-a-uuid', reason: '' });
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { code: string; fields: { field: string }[] } }).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((field) => field.field).sort()).toEqual(['petitionId', 'reason']);
  });
});
