import { randomBytes } from 'node:crypto';
import { demoChannelCredential, signChannelRequest, Topics, unixSeconds } from '@petitions/contracts';
import { DEMO_DISTRICT, departmentNamed } from '@petitions/district';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, ensureTopics, expectEventually, moveGroupToEnd, TopicRecorder } from '@petitions/testing';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Producer } from 'kafkajs';
import { sendDepartmentResponse, sendPetitionEvent } from '../../support/department';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

/**
 * Open311 GeoReport v2 against a real intake process, PostgreSQL and Kafka: a civic app (FixMyStreet, say) files
 * requests with its API key, reads them back in JSON and XML, and follows the department's work through
 * `servicerequestupdates`. Routing, deadline-tracking and the department are played on their topics.
 */

const PORT = 3170;
const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const GROUP_PREFIX = `it-open311-${RUN}.`;
const KEY = { keyId: `fms-${RUN}`, channel: 'app', secret: randomBytes(24).toString('hex'), status: 'active' };
const RETIRED = { keyId: `old-${RUN}`, channel: 'app', secret: randomBytes(24).toString('hex'), status: 'retired' };
const ENDPOINT = 'https://petitions.example/open311/v2';
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const URBAN = departmentNamed('URBAN')?.name ?? 'URBAN';
/** Personal data of the reporter: it must never come back in any Open311 answer. */
const PERSON = { email: `zhang.${RUN}@example.cn`, first_name: 'San', last_name: `Zhang${RUN}`, phone: '13912345678' };

// Requests whose entries are lists in XML, so that one entry parses like many.
const LIST_ELEMENTS = new Set(['service', 'request', 'error', 'request_update', 'endpoint', 'format', 'attribute']);
const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => LIST_ELEMENTS.has(name) });

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

type Entry = Record<string, unknown>;

function parseXml<T>(text: string): T {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  return xmlParser.parse(text) as T;
}

describe('intake: Open311 GeoReport v2 under /open311/v2', () => {
  const kafka = createTestKafka();
  const answers: string[] = [];
  const startedAt = new Date();
  let db: TestDatabase;
  let intake: ServiceProcess;
  let producer: Producer;
  let recorder: TopicRecorder;
  /** The requests this run files: A (sewer, JSON, with contact and client id), B (street light, XML), C (garbage). */
  const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

  const formA = {
    api_key: KEY.secret,
    service_code: 'sewer-drain',
    description: '南江北路下水道堵塞，污水外流，我的电话 13912345678',
    lat: '27.8274',
    long: '113.1340',
    media_url: 'https://fms.example/photo/a.jpeg',
    'attribute[fixmystreet_id]': `A-${RUN}`,
    ...PERSON,
  };
  const formB = {
    api_key: KEY.secret,
    service_code: 'street-light',
    description: `路灯不亮 ${RUN}`,
    address_id: 'NANJIANG-02',
  };
  const formC = {
    api_key: KEY.secret,
    service_code: 'garbage',
    description: `垃圾没人清运 ${RUN}`,
    address_string: '伏岭社区东门',
  };

  async function call(path: string, init?: RequestInit): Promise<Answer> {
    const response = await fetch(`${intake.url}/open311/v2/${path}`, init);
    const text = await response.text();
    answers.push(text);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  }

  function post(format: 'json' | 'xml', form: Record<string, string>): Promise<Answer> {
    return call(`requests.${format}`, { method: 'POST', body: new URLSearchParams(form) });
  }

  async function getJson<T = Entry[]>(path: string): Promise<T> {
    const answer = await call(path);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    return JSON.parse(answer.text) as T;
  }

  async function listed(query: string): Promise<string[]> {
    const entries = await getJson(`requests.json?${query}`);
    return entries.map((entry) => String(entry.service_request_id)).sort();
  }

  async function petitionIdOf(trackingCode: string): Promise<string> {
    const [row] = await db.query<{ id: string }>('SELECT id FROM intake.petitions WHERE tracking_code = $1', [
      trackingCode,
    ]);
    if (!row) throw new Error(`no petition ${trackingCode}`);
    return row.id;
  }

  beforeAll(async () => {
    db = await TestDatabase.create('it_open311');
    const admin = kafka.admin();
    await admin.connect();
    try {
      const consumed = [Topics.channelInbound, Topics.routingEvents, Topics.deptResponses, Topics.deadlineEvents];
      await ensureTopics(admin, [...consumed, ...consumed.map((topic) => `${topic}.dlq`), Topics.petitionEvents]);
      // Start from now: earlier runs' events on the shared broker are no concern of this one.
      for (const topic of consumed) await moveGroupToEnd(admin, consumerGroupId(GROUP_PREFIX, 'intake', topic), topic);
    } finally {
      await admin.disconnect();
    }
    recorder = await TopicRecorder.start(kafka, [Topics.petitionEvents], { fromBeginning: false });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    intake = await ServiceProcess.start('intake', PORT, {
      env: {
        DATABASE_URL: db.url,
        KAFKA_CONSUMER_GROUP_PREFIX: GROUP_PREFIX,
        INTAKE_OPEN311_KEYS: JSON.stringify([KEY, RETIRED]),
        INTAKE_OPEN311_URL: ENDPOINT,
        INTAKE_RATE_LIMIT_PREFIX: `intake:rl:${RUN}:`,
      },
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await intake?.stop();
    await db?.drop();
  });

  it('discovery: one GeoReport v2 endpoint at the configured URL, in JSON and in XML', async () => {
    const json = await getJson<{ endpoints: Entry[] }>('discovery.json');
    expect(json.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: ENDPOINT,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      }),
    ]);
    const xml = await call('discovery.xml');
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    const parsed = parseXml<{
      discovery: { endpoints: { endpoint: { url: string; formats: { format: string[] } }[] } };
    }>(xml.text);
    expect(parsed.discovery.endpoints.endpoint[0]).toMatchObject({
      url: ENDPOINT,
      formats: { format: ['text/xml', 'application/json'] },
    });
  });

  it('service list: one realtime service per category of the catalogue, the same in JSON and XML', async () => {
    const json = await getJson('services.json');
    expect(json.map((service) => service.service_code)).toEqual(DEMO_DISTRICT.categories.map((c) => c.code));
    const sewer = DEMO_DISTRICT.categories.find((category) => category.code === 'sewer-drain');
    expect(json.find((service) => service.service_code === 'sewer-drain')).toEqual({
      service_code: 'sewer-drain',
      service_name: sewer?.name,
      description: sewer?.description,
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining(sewer?.name ?? '?') as unknown,
      group: sewer?.group,
    });
    const xml = parseXml<{ services: { service: Entry[] } }>((await call('services.xml')).text);
    expect(xml.services.service.map((service) => service.service_code)).toEqual(
      json.map((service) => service.service_code),
    );
    expect(xml.services.service[0]).toMatchObject({ metadata: 'true', type: 'realtime' });
  });

  it('service definition: the client-id attribute; an unknown code is 404 in Open311’s error format', async () => {
    const definition = await getJson<{ service_code: string; attributes: Entry[] }>('services/sewer-drain.json');
    expect(definition).toEqual({
      service_code: 'sewer-drain',
      attributes: [expect.objectContaining({ code: 'fixmystreet_id', variable: false, required: false })],
    });
    const xml = parseXml<{ service_definition: { attributes: { attribute: Entry[] } } }>(
      (await call('services/sewer-drain.xml')).text,
    );
    expect(xml.service_definition.attributes.attribute[0]).toMatchObject({ code: 'fixmystreet_id', variable: 'false' });

    const unknownJson = await call('services/graffiti.json');
    expect(unknownJson.status).toBe(404);
    expect(JSON.parse(unknownJson.text)).toEqual([{ code: 404, description: 'no service has this service_code' }]);
    const unknownXml = await call('services/graffiti.xml');
    expect(unknownXml.status).toBe(404);
    expect(parseXml(unknownXml.text)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });

  it('POST requests.json: 201 with a tracking code, a petition of the key’s channel, contact encrypted, event out', async () => {
    const answer = await post('json', formA);
    expect(answer.status).toBe(201);
    const [filed] = JSON.parse(answer.text) as Entry[];
    expect(filed).toEqual({
      service_request_id: expect.stringMatching(CODE) as unknown,
      service_notice: expect.stringContaining('5 日内办结') as unknown,
      account_id: null,
    });
    ids.A = String(filed?.service_request_id);

    const [row] = await db.query<Record<string, string | number | null>>(
      `SELECT p.id, p.channel, p.channel_message_id, p.channel_category, p.latitude, p.longitude, p.reporter_name,
              p.reporter_phone, p.reporter_handle, o.key_id, o.media_url
         FROM intake.petitions p JOIN intake.open311_requests o ON o.petition_id = p.id
        WHERE p.tracking_code = $1`,
      [ids.A],
    );
    expect(row).toMatchObject({
      channel: 'app',
      channel_message_id: `open311:${KEY.keyId}:id:A-${RUN}`,
      channel_category: 'sewer-drain',
      latitude: 27.8274,
      longitude: 113.134,
      key_id: KEY.keyId,
      media_url: formA.media_url,
    });
    for (const column of ['reporter_name', 'reporter_phone', 'reporter_handle']) {
      expect(String(row?.[column])).toMatch(/^v1:/);
    }
    expect(JSON.stringify(row)).not.toContain(PERSON.email);

    const petitionId = String(row?.id);
    const messages = await recorder.waitFor((recorded) => recorded.some((message) => message.key === petitionId));
    const event = messages.find((message) => message.key === petitionId);
    expect(event?.headers['event-type']).toBe('petition.received');
    expect(JSON.parse(event?.value ?? '{}')).toMatchObject({
      channel: 'app',
      category: 'sewer-drain',
      trackingCode: ids.A,
    });
    expect(event?.value).not.toContain(PERSON.email);
    expect(event?.value).not.toContain(PERSON.last_name);
  });

  it('POST requests.xml: the same answer as XML; a district code or a free-text address is the location', async () => {
    const answer = await post('xml', formB);
    expect(answer.status).toBe(201);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    const parsed = parseXml<{ service_requests: { request: Entry[] } }>(answer.text);
    expect(parsed.service_requests.request).toEqual([
      {
        service_request_id: expect.stringMatching(CODE) as unknown,
        service_notice: expect.any(String) as unknown,
        account_id: '',
      },
    ]);
    ids.B = String(parsed.service_requests.request[0]?.service_request_id);
    const [place] = await db.query('SELECT town, unit, grid FROM intake.petitions WHERE tracking_code = $1', [ids.B]);
    expect(place).toEqual({ town: 'FUKOU_TOWN', unit: 'NANJIANG', grid: 'NANJIANG-02' });

    const third = await post('json', formC);
    expect(third.status).toBe(201);
    ids.C = String((JSON.parse(third.text) as Entry[])[0]?.service_request_id);
    expect(new Set(Object.values(ids)).size).toBe(3);
  });

  it('a retry is the same service request: by attribute[fixmystreet_id], or without one by the same request', async () => {
    const retryA = await post('xml', { ...formA, description: `${formA.description}（重发）` });
    expect(parseXml<{ service_requests: { request: Entry[] } }>(retryA.text).service_requests.request[0]).toMatchObject(
      { service_request_id: ids.A },
    );
    const retryB = await post('json', formB);
    expect((JSON.parse(retryB.text) as Entry[])[0]?.service_request_id).toBe(ids.B);
    const [count] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM intake.petitions WHERE channel_message_id LIKE 'open311:%'",
    );
    expect(count?.n).toBe(3);
  });

  it.each([
    ['no api_key', undefined],
    ['an unknown api_key', 'x'.repeat(48)],
    ['a retired api_key', RETIRED.secret],
  ])('refuses %s with 403 in Open311’s error format, JSON and XML', async (_label, apiKey) => {
    const { api_key: _key, ...rest } = formB;
    const form = apiKey === undefined ? rest : { ...rest, api_key: apiKey };
    const json = await post('json', form);
    expect(json.status).toBe(403);
    expect(JSON.parse(json.text)).toEqual([
      { code: 403, description: "invalid api_key received -- can't proceed with create_request" },
    ]);
    const xml = await post('xml', form);
    expect(xml.status).toBe(403);
    expect(parseXml(xml.text)).toMatchObject({ errors: { error: [{ code: '403' }] } });
  });

  it('refuses an unknown service_code and bad parameters with 400, one error per problem, storing nothing', async () => {
    const unknown = await post('json', { ...formC, service_code: 'graffiti', description: `涂鸦 ${RUN}` });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text)).toEqual([
      { code: 400, description: 'service_code must be one of the category codes' },
    ]);

    const { address_string: _where, ...nowhere } = formC;
    const bad = await post('xml', { ...nowhere, lat: '95', media_url: 'ftp://x', status: 'closed' });
    expect(bad.status).toBe(400);
    const descriptions = parseXml<{ errors: { error: { code: string; description: string }[] } }>(
      bad.text,
    ).errors.error.map((error) => `${error.code} ${error.description}`);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        '400 property status should not exist',
        '400 media_url must be an http(s) URL',
        '400 lat and long must be given together',
      ]),
    );
    const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake.petitions');
    expect(count?.n).toBe(3);
  });

  it('GET one request in JSON and XML; a petition from another channel is no Open311 request (404)', async () => {
    const [a] = await getJson(`requests/${ids.A}.json`);
    expect(a).toMatchObject({
      service_request_id: ids.A,
      status: 'open',
      status_notes: null,
      service_code: 'sewer-drain',
      service_name: DEMO_DISTRICT.categories.find((category) => category.code === 'sewer-drain')?.name,
      description: '南江北路下水道堵塞，污水外流，我的电话 139****5678',
      lat: 27.8274,
      long: 113.134,
      media_url: formA.media_url,
    });
    expect(Date.parse(String(a?.requested_datetime))).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    const xml = parseXml<{ service_requests: { request: Entry[] } }>(
      (await call(`requests/${ids.B.toLowerCase()}.xml`)).text,
    );
    expect(xml.service_requests.request).toEqual([
      expect.objectContaining({ service_request_id: ids.B, status: 'open', address_id: 'NANJIANG-02', lat: '' }),
    ]);

    const body = JSON.stringify({
      channel: 'wechat-resident',
      channelMessageId: `it-${RUN}`,
      text: '楼道灯坏了',
      unit: 'NANJIANG',
    });
    const { keyId, secret } = demoChannelCredential('wechat-resident');
    const signed = signChannelRequest({ keyId, secret, body, timestamp: unixSeconds(new Date()) });
    const posted = await fetch(`${intake.url}/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed },
      body,
    });
    expect(posted.status).toBe(202);
    const { trackingCode } = (await posted.json()) as { trackingCode: string };
    const other = await call(`requests/${trackingCode}.json`);
    expect(other.status).toBe(404);
    expect(await listed(`service_request_id=${trackingCode},${ids.C}`)).toEqual([ids.C]);
  });

  it('status: open until the department resolves it, then closed with its result; agency and expected date', async () => {
    const petitionId = await petitionIdOf(ids.A);
    const [row] = await db.query<{ received_at: Date }>('SELECT received_at FROM intake.petitions WHERE id = $1', [
      petitionId,
    ]);
    const receivedAt = new Date(row?.received_at ?? 0);
    const dueAt = new Date(receivedAt.getTime() + 5 * DAY_MS);
    await sendPetitionEvent(producer, {
      topic: Topics.routingEvents,
      type: 'petition.assigned',
      producer: 'routing',
      payload: {
        petitionId,
        departmentCode: 'URBAN',
        coDepartments: [],
        category: 'sewer-drain',
        complexity: 'general',
        urgent: false,
        reason: 'category sewer-drain',
        receivedAt: receivedAt.toISOString(),
        assignedAt: new Date().toISOString(),
      },
    });
    await sendPetitionEvent(producer, {
      topic: Topics.deadlineEvents,
      type: 'deadline.armed',
      producer: 'deadline-tracking',
      payload: {
        petitionId,
        clockId: petitionId,
        policy: 'general@1',
        departmentCode: 'URBAN',
        startedAt: receivedAt.toISOString(),
        dueAt: dueAt.toISOString(),
      },
    });
    const expected = dueAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
    await expectEventually(
      async () => {
        const [a] = await getJson(`requests/${ids.A}.json`);
        expect(a).toMatchObject({ status: 'open', agency_responsible: URBAN, expected_datetime: expected });
      },
      { timeoutMs: 30_000, description: 'request A assigned and its clock armed' },
    );

    const answer = { petitionId, departmentCode: 'URBAN', handler: `网格员${RUN}` };
    await sendDepartmentResponse(producer, 'department.progress-reported', {
      ...answer,
      note: '已派人现场查看，联系人 13712345678',
      reportedAt: new Date().toISOString(),
    });
    await expectEventually(
      async () => {
        const [a] = await getJson(`requests/${ids.A}.json`);
        expect(a).toMatchObject({ status: 'open', status_notes: '已派人现场查看，联系人 137****5678' });
      },
      { timeoutMs: 30_000, description: 'request A in progress' },
    );

    await sendDepartmentResponse(producer, 'department.resolved', {
      ...answer,
      result: '已疏通南江北路下水道',
      resolvedAt: new Date().toISOString(),
    });
    await expectEventually(
      async () => {
        const xml = parseXml<{ service_requests: { request: Entry[] } }>((await call(`requests/${ids.A}.xml`)).text);
        expect(xml.service_requests.request[0]).toMatchObject({
          status: 'closed',
          status_notes: '已疏通南江北路下水道',
          agency_responsible: URBAN,
        });
      },
      { timeoutMs: 30_000, description: 'request A closed' },
    );
  });

  it('GET requests: by service_request_id, service_code, status, start_date/end_date and updated_after', async () => {
    const all = [ids.A, ids.B, ids.C].sort();
    expect(await listed('')).toEqual(all);
    expect(await listed(`service_request_id=${ids.A},${ids.B.toLowerCase()}&status=open`)).toEqual(
      [ids.A, ids.B].sort(),
    );
    expect(await listed('service_code=street-light,garbage')).toEqual([ids.B, ids.C].sort());
    expect(await listed('status=closed')).toEqual([ids.A]);
    expect(await listed('status=open')).toEqual([ids.B, ids.C].sort());
    expect(await listed('status=open,closed&service_code=sewer-drain')).toEqual([ids.A]);

    const before = new Date(startedAt.getTime() - 60_000).toISOString();
    const after = new Date(Date.now() + 60_000).toISOString();
    expect(await listed(`start_date=${before}&end_date=${after}`)).toEqual(all);
    expect(await listed(`end_date=${before}`)).toEqual([]);
    expect(await listed(`start_date=${after}`)).toEqual([]);

    // A's timeline was recorded after the three came in; nothing happened to B and C since.
    const [firstStep] = await db.query<{ recorded_at: Date }>(
      'SELECT min(recorded_at) AS recorded_at FROM intake.petition_timeline',
    );
    const justBefore = new Date(new Date(firstStep?.recorded_at ?? 0).getTime() - 1).toISOString();
    expect(await listed(`updated_after=${encodeURIComponent(justBefore)}`)).toEqual([ids.A]);
    expect(await listed(`updated_after=${encodeURIComponent(after)}`)).toEqual([]);

    const bad = await call(`requests.json?start_date=2026-01-01&status=pending&start=1`);
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.text) as { description: string }[]).map((error) => error.description)).toEqual(
      expect.arrayContaining([
        'property start should not exist',
        'status must be open, closed or open,closed',
        'start_date must be a date-time with a time zone, e.g. 2026-03-02T08:00:00Z',
      ]),
    );
    const tooWide = await call(`requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`);
    expect(tooWide.status).toBe(400);
    expect(parseXml(tooWide.text)).toMatchObject({
      errors: { error: [{ code: '400', description: 'start_date and end_date may be at most 90 days apart' }] },
    });
  });

  it('servicerequestupdates: each step of the Open311 requests with the status after it, in XML and JSON', async () => {
    const from = new Date(startedAt.getTime() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const query = `start_date=${from}&end_date=${to}&api_key=${KEY.secret}`;
    const xml = parseXml<{ service_request_updates: { request_update: Entry[] } }>(
      (await call(`servicerequestupdates.xml?${query}`)).text,
    );
    const updates = xml.service_request_updates.request_update;
    expect(
      updates.map(({ service_request_id, status, description }) => ({ service_request_id, status, description })),
    ).toEqual([
      { service_request_id: ids.A, status: 'open', description: `已交办：${URBAN} (assigned)` },
      { service_request_id: ids.A, status: 'open', description: '已派人现场查看，联系人 137****5678' },
      { service_request_id: ids.A, status: 'closed', description: '已疏通南江北路下水道' },
    ]);
    for (const update of updates) {
      expect(update.update_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(update.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    const json = await getJson(`servicerequestupdates.json?${query}`);
    expect(json.map((update) => update.update_id)).toEqual(updates.map((update) => update.update_id));
    expect(await getJson(`servicerequestupdates.json?end_date=${from}`)).toEqual([]);
  });

  it('documents every Open311 route in both formats at /docs, filing as a form with its error answers', async () => {
    const response = await fetch(`${intake.url}/docs/openapi.json`);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: object }; responses: object }>>;
    };
    const open311 = Object.entries(document.paths).filter(([path]) => path.startsWith('/open311/v2/'));
    expect(open311.map(([path, operations]) => `${Object.keys(operations).sort().join(',')} ${path}`).sort()).toEqual(
      [
        'get /open311/v2/discovery',
        'get /open311/v2/services',
        'get /open311/v2/services/{serviceCode}',
        'get,post /open311/v2/requests',
        'get /open311/v2/requests/{serviceRequestId}',
        'get /open311/v2/servicerequestupdates',
      ]
        .flatMap((route) => [`${route}.json`, `${route}.xml`])
        .sort(),
    );
    const filing = document.paths['/open311/v2/requests.xml']?.post;
    expect(Object.keys(filing?.requestBody?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    expect(Object.keys(filing?.responses ?? {}).sort()).toEqual(['201', '400', '403', '429']);
  });

  it('never shows the reporter nor the department’s handler in any answer', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const text of answers) {
      expect(text).not.toContain(PERSON.email);
      expect(text).not.toContain(PERSON.last_name);
      expect(text).not.toContain(PERSON.phone);
      expect(text).not.toContain(`网格员${RUN}`);
    }
  });
});
