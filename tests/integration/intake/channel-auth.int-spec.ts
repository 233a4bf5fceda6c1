import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { signChannelRequest, unixSeconds } from '@petitions/contracts';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

const PORT = 3150;
const BAD_CONFIG_PORT = 3151;
const RUN = `auth-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const secret = (name: string): string => `${name}-${randomBytes(24).toString('hex')}`;
// The 12345 hotline in the middle of a rotation: two active keys, and the one before them retired.
const OLD = { keyId: 'hotline-2025', channel: 'hotline-12345', secret: secret('old'), status: 'active' } as const;
const NEW = { keyId: 'hotline-2026', channel: 'hotline-12345', secret: secret('new'), status: 'active' } as const;
const RETIRED = {
  keyId: 'hotline-2024',
  channel: 'hotline-12345',
  secret: secret('retired'),
  status: 'retired',
} as const;
const SECRETS = [OLD.secret, NEW.secret, RETIRED.secret];

interface Answer {
  status: number;
  body: unknown;
  elapsedMs: number;
}

function petition(id: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    channel: 'hotline-12345',
    channelMessageId: `${RUN}-${id}`,
    text: '来电人反映：田家湾村三组傍晚电压偏低，抽水泵启动不了。',
    unit: 'TIANJIAWAN',
    ...overrides,
  });
}

function signedBy(
  key: { keyId: string; secret: string },
  body: string | Buffer,
  timestamp = unixSeconds(new Date()),
): Record<string, string> {
  return { ...signChannelRequest({ keyId: key.keyId, secret: key.secret, body, timestamp }) };
}

/** The one error format: exactly `{"error": {"code", "message"[, "fields"]}}`. */
function expectError(
  answer: Answer,
  status: number,
  code: string,
): { code: string; message: string; fields?: unknown } {
  expect({ status: answer.status, code: (answer.body as { error?: { code?: string } }).error?.code }).toEqual({
    status,
    code,
  });
  const { error, ...rest } = answer.body as { error: { code: string; message: string; fields?: unknown } };
  expect(rest).toEqual({});
  expect(Object.keys(error).sort()).toEqual(error.fields ? ['code', 'fields', 'message'] : ['code', 'message']);
  expect(typeof error.message).toBe('string');
  return error;
}

describe('intake: signed channel requests, the body limit and one error format over real HTTP', () => {
  let db: TestDatabase;
  let intake: ServiceProcess;
  const accepted: string[] = [];

  async function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
    const started = Date.now();
    const response = await fetch(`${intake.url}/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      elapsedMs: Date.now() - started,
    };
  }

  beforeAll(async () => {
    db = await TestDatabase.create('it_channel_auth');
    intake = await ServiceProcess.start('intake', PORT, {
      env: {
        DATABASE_URL: db.url,
        KAFKA_CONSUMER_GROUP_PREFIX: `it-channel-auth-${RUN}.`,
        INTAKE_CHANNEL_CREDENTIALS: JSON.stringify([OLD, NEW, RETIRED]),
      },
    });
  });

  afterAll(async () => {
    await intake?.stop();
    await db?.drop();
  });

  it('accepts the old and the new key of a rotation alike (202)', async () => {
    for (const [key, id] of [
      [OLD, 'old-key'],
      [NEW, 'new-key'],
    ] as const) {
      const body = petition(id);
      const answer = await post(body, signedBy(key, body));
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ duplicate: false });
      accepted.push(`${RUN}-${id}`);
    }
  });

  it('answers 401 UNAUTHENTICATED to a missing header, a retired or unknown key, a stale timestamp, a wrong signature', async () => {
    const body = petition('rejected-401');
    const now = unixSeconds(new Date());
    const { 'X-Signature': _dropped, ...withoutSignature } = signedBy(NEW, body);
    const cases: Record<string, Record<string, string>> = {
      'no headers': {},
      'no signature': withoutSignature,
      'retired key': signedBy(RETIRED, body),
      'unknown key': signedBy({ keyId: 'hotline-2099', secret: NEW.secret }, body),
      'key of the other secret': signedBy({ keyId: OLD.keyId, secret: NEW.secret }, body),
      'ten minutes old': signedBy(NEW, body, now - 600),
      'ten minutes ahead': signedBy(NEW, body, now + 600),
      'another body': signedBy(NEW, petition('rejected-401', { text: '另一个诉求' })),
      'short signature': { ...signedBy(NEW, body), 'X-Signature': 'sha256=abcd' },
      'long signature': { ...signedBy(NEW, body), 'X-Signature': `${signedBy(NEW, body)['X-Signature']}00` },
      'not hex': { ...signedBy(NEW, body), 'X-Signature': `sha256=${'z'.repeat(64)}` },
      milliseconds: { ...signedBy(NEW, body), 'X-Timestamp': String(Date.now()) },
    };
    const answers: Record<string, string> = {};
    for (const [name, headers] of Object.entries(cases)) {
      const answer = await post(body, headers);
      answers[name] = `${answer.status} ${expectError(answer, 401, 'UNAUTHENTICATED').message}`;
    }
    expect(answers).toEqual({
      'no headers': '401 X-Channel-Key, X-Timestamp and X-Signature are required',
      'no signature': '401 X-Channel-Key, X-Timestamp and X-Signature are required',
      'retired key': '401 X-Channel-Key is unknown or retired',
      'unknown key': '401 X-Channel-Key is unknown or retired',
      'key of the other secret': '401 X-Signature does not match the body',
      'ten minutes old': "401 X-Timestamp is more than 300 s from intake's clock",
      'ten minutes ahead': "401 X-Timestamp is more than 300 s from intake's clock",
      'another body': '401 X-Signature does not match the body',
      'short signature': '401 X-Signature must be sha256=<64 hex digits>',
      'long signature': '401 X-Signature must be sha256=<64 hex digits>',
      'not hex': '401 X-Signature must be sha256=<64 hex digits>',
      milliseconds: '401 X-Timestamp must be unix time in whole seconds',
    });
    // The log says which key was retired, and never holds a secret.
    expect(intake.logs()).toContain('rejected a channel request: retired-key (key hotline-2024)');
  });

  it('answers 403 FORBIDDEN when a valid key submits for another channel', async () => {
    const body = petition('rejected-403', { channel: 'app' });
    const error = expectError(await post(body, signedBy(NEW, body)), 403, 'FORBIDDEN');
    expect(error.message).toBe('key hotline-2026 may submit petitions of channel hotline-12345 only, not app');
  });

  it('answers 400 VALIDATION_FAILED with each bad field (nested ones by path) and why', async () => {
    const body = petition('rejected-400', { text: '', status: 'resolved', reporter: { phone: '12' } });
    const error = expectError(await post(body, signedBy(OLD, body)), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'status', problems: ['property status should not exist'] },
        { field: 'text', problems: [expect.stringMatching(/text must be longer than or equal to 1/)] },
        { field: 'reporter.phone', problems: [expect.stringMatching(/^phone must be/)] },
      ]),
    );
  });

  it('answers 400 MALFORMED_JSON to broken JSON and to bytes that are not UTF-8, even when signed', async () => {
    const broken = `{"channel":"hotline-12345","channelMessageId":"${RUN}-rejected-json",`;
    expect(expectError(await post(broken, signedBy(NEW, broken)), 400, 'MALFORMED_JSON').message).toMatch(
      /^the body is not valid JSON \((at character \d+|it ends too early)\)$/,
    );
    const notUtf8 = Buffer.concat([
      Buffer.from(`{"channel":"hotline-12345","channelMessageId":"${RUN}-rejected-utf8","text":"路灯`),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    expect(expectError(await post(notUtf8, signedBy(NEW, notUtf8)), 400, 'MALFORMED_JSON').message).toBe(
      'the body is not valid UTF-8',
    );
  });

  it('answers 415 to a body that is not application/json in UTF-8', async () => {
    const body = petition('rejected-415');
    for (const contentType of ['text/plain', 'application/json; charset=latin1']) {
      expectError(
        await post(body, { ...signedBy(NEW, body), 'content-type': contentType }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a 65 KB body at once, without asking for a signature', async () => {
    const body = petition('rejected-413', { text: '灯'.repeat(22_200) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(65 * 1024);
    const answer = await post(body);
    expect(expectError(answer, 413, 'PAYLOAD_TOO_LARGE').message).toBe('the body may be at most 65536 bytes');
    expect(answer.elapsedMs).toBeLessThan(1000);
    // A signed one is refused the same way: the limit comes before the signature.
    expectError(await post(body, signedBy(NEW, body)), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 413 as soon as the declared length is over the limit, before the body has arrived', async () => {
    const answer = await new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port: intake.port, // with TEST_PORT_OFFSET applied
        path: '/petitions',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(65 * 1024) },
      });
      const timer = setTimeout(() => reject(new Error('no answer within 2 s while the body was still owed')), 2000);
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, body: text, connection: response.headers.connection });
        });
      });
      request.on('error', () => undefined); // the server closes the connection it no longer wants
      request.write('{"text":"'); // 9 of the 66560 bytes promised; the rest never comes
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'the body may be at most 65536 bytes' },
    });
    expect(answer.connection).toBe('close');
  });

  it('uses the same format for an unknown route', async () => {
    const response = await fetch(`${intake.url}/nowhere`);
    const body: unknown = await response.json();
    expectError({ status: response.status, body, elapsedMs: 0 }, 404, 'NOT_FOUND');
  });

  it('stored nothing for any rejected request: of this run, only the two accepted petitions are stored', async () => {
    // This run's ids only: the intake consumes channel.inbound too, where other tests may be publishing.
    const rows = await db.query<{ id: string }>(
      'SELECT channel_message_id AS id FROM intake.petitions WHERE starts_with(channel_message_id, $1) ORDER BY 1',
      [`${RUN}-`],
    );
    expect(rows.map((row) => row.id)).toEqual([...accepted].sort());
  });

  it('never logged a secret, and no demo-credential warning with credentials of its own', () => {
    const logs = intake.logs();
    for (const value of SECRETS) expect(logs).not.toContain(value);
    expect(logs).not.toContain('demo credentials in use');
  });
});

describe('intake at boot with bad channel credentials', () => {
  it('exits 1, naming INTAKE_CHANNEL_CREDENTIALS and each problem, without the secrets', async () => {
    const shortSecret = 'too-short-secret';
    const service = await ServiceProcess.start('intake', BAD_CONFIG_PORT, {
      env: {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never-reached',
        INTAKE_CHANNEL_CREDENTIALS: JSON.stringify([
          { ...OLD, channel: 'fax' },
          { ...NEW, secret: shortSecret },
        ]),
      },
      waitReady: false,
    });
    expect(await service.exited()).toBe(1);
    const output = service.logs();
    expect(output).toContain('intake: invalid configuration');
    expect(output).toMatch(/INTAKE_CHANNEL_CREDENTIALS: .*entry 0 \(keyId "hotline-2025"\): unknown channel code/);
    expect(output).toMatch(/entry 1 \(keyId "hotline-2026"\): secret must be a string of at least 32 characters/);
    expect(output).not.toContain(shortSecret);
    expect(output).not.toContain(OLD.secret);
  });
});
