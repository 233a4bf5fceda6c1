import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type ChannelMessageReceivedV1, signChannelRequest, Topics, unixSeconds } from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, ensureTopics, moveGroupToEnd } from '@petitions/testing';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

/**
 * Issue #3 §3 over HTTP: a corpus of malformed and hostile `POST /petitions` bodies against a real intake and a real
 * PostgreSQL. Each case is signed with a valid key unless it is about the signature, so what is judged is the
 * content. Every input must end as a stored petition (202, the row in intake.petitions with the text verbatim) or a
 * rejection in the one error format, `{"error": {code, message, fields?}}`, naming the bad field(s); nothing else.
 * The Kafka path's corpus is channel-inbound.int-spec.ts; docs/operations.md tabulates both.
 */

const PORT = 3175;
const RUN = `http-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const GROUP_PREFIX = `it-http-malformed-${RUN}.`;
const KEY = { keyId: `app-${RUN}`, channel: 'app', secret: randomBytes(32).toString('hex'), status: 'active' };
const LIMIT = 65_536;
const FAST_MS = 2000;
const TEXT = '涪江明珠小区 3 栋路灯不亮一个星期了，晚上出行很不方便。';
const SCRIPT = `<script>alert("xss")</script><img src=x onerror=alert(1)> 井盖丢了`;
const SQL_TEXTS = [
  `路灯不亮'); DROP TABLE intake.petitions; --`,
  `' OR '1'='1' --`,
  `'; UPDATE intake.petitions SET text = 'pwned'; --`,
];

type Signing = 'signed' | 'bad-signature' | 'unsigned';

interface Request {
  body: Buffer;
  /** `null`: no Content-Type header at all. */
  contentType?: string | null;
  headers?: Record<string, string>;
  signing?: Signing;
  /** Sent without Content-Length, in chunks, so only the parser's own limit can stop it. */
  chunked?: boolean;
}

interface Stored {
  stored: { text: string; address?: string | null; town?: string | null };
}
interface Rejected {
  status: number;
  code: string;
  message?: RegExp;
  /** Exactly these fields, each with a problem that matches; absent: the answer must have no `fields`. */
  fields?: Record<string, RegExp>;
}

/** One input and the one outcome it must have. */
interface Case {
  label: string;
  request: Request;
  expected: Stored | Rejected;
  /** The answer must come within FAST_MS (no work in proportion to a hostile input). */
  fast?: boolean;
}

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
  elapsedMs: number;
}

interface ErrorBody {
  code: string;
  message: string;
  fields?: { field: string; problems: string[] }[];
}

// ---- the corpus ----------------------------------------------------------------------------------------------

function idOf(label: string): string {
  return `${RUN}-${label}`;
}

function message(label: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const valid: ChannelMessageReceivedV1 = { channel: 'app', channelMessageId: idOf(label), text: `${TEXT} (${label})` };
  return { ...valid, ...overrides };
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const json = (label: string, overrides: Record<string, unknown> = {}): Buffer =>
  bytes(JSON.stringify(message(label, overrides)));

const textOf = (label: string): string => message(label).text as string;

/** A message whose string "RAW" is replaced by raw JSON (an escape, a nested value, a number) or raw bytes. */
function withRaw(label: string, overrides: Record<string, unknown>, raw: string | Buffer): Buffer {
  const [before = '', after = ''] = JSON.stringify(message(label, overrides)).split('"RAW"');
  return Buffer.concat([bytes(before), Buffer.isBuffer(raw) ? raw : bytes(raw), bytes(after)]);
}

const withRawText = (label: string, raw: string | Buffer): Buffer => withRaw(label, { text: 'RAW' }, raw);

function stored(label: string, request: Request, text: string, columns: Omit<Stored['stored'], 'text'> = {}): Case {
  return { label, request, expected: { stored: { text, ...columns } } };
}

function accepted(label: string, overrides: Record<string, unknown> = {}): Case {
  return stored(label, { body: json(label, overrides) }, message(label, overrides).text as string);
}

function rejected(label: string, request: Request, expected: Rejected, fast?: boolean): Case {
  return { label, request, expected, ...(fast ? { fast } : {}) };
}

const invalid = (fields: Record<string, RegExp>): Rejected => ({ status: 400, code: 'VALIDATION_FAILED', fields });
const malformed = (why: RegExp): Rejected => ({ status: 400, code: 'MALFORMED_JSON', message: why });
const NOT_UTF8 = malformed(/^the body is not valid UTF-8$/);
const NOT_AN_OBJECT = (kind: string): Rejected =>
  invalid({ '(body)': new RegExp(`must be a JSON object, not ${kind}$`) });
const SHOULD_NOT_EXIST = (name: string): RegExp => new RegExp(`^property ${name} should not exist$`);
// Not `{ __proto__: … }`: in an object literal that sets the prototype instead of making a field.
const PROTO_REFUSED = Object.fromEntries([['__proto__', SHOULD_NOT_EXIST('__proto__')]]) as Record<string, RegExp>;

/** Each field with a value of the wrong JSON type, and the reason that must name it. */
const WRONG_TYPES: [string, Record<string, unknown>, string, RegExp][] = [
  ['channel', { channel: 42 }, 'channel', /^channel must be one of the following values/],
  ['channelMessageId', { channelMessageId: 42 }, 'channelMessageId', /^channelMessageId must be a string$/],
  ['text-number', { text: 42 }, 'text', /^text must be a string$/],
  ['text-array', { text: ['路灯不亮'] }, 'text', /^text must be a string$/],
  ['text-object', { text: { zh: '路灯不亮' } }, 'text', /^text must be a string$/],
  ['town', { town: 1 }, 'town', /^town must be one of the district's town codes$/],
  ['unit', { unit: true }, 'unit', /^unit must be one of the district's unit codes$/],
  ['grid', { grid: [] }, 'grid', /^grid must be one of the district's grid codes$/],
  ['address', { address: 5 }, 'address', /^address must be a string$/],
  ['latitude-string', { latitude: '27.8' }, 'latitude', /^latitude must be a number/],
  ['longitude-boolean', { longitude: true }, 'longitude', /^longitude must be a number/],
  ['category', { category: 7 }, 'category', /^category must be one of the category codes$/],
  ['reporter-string', { reporter: '李四' }, 'reporter', /^reporter must be an object$/],
  ['reporter-array', { reporter: [{ name: '李四' }] }, 'reporter', /^reporter must be an object$/],
  ['reporter.name', { reporter: { name: 5 } }, 'reporter.name', /^name must be a string$/],
  ['reporter.phone', { reporter: { phone: 13812345678 } }, 'reporter.phone', /^phone must be a string$/],
  ['reporter.idNumber', { reporter: { idNumber: 1.5 } }, 'reporter.idNumber', /^idNumber must be a string$/],
  ['reporter.handle', { reporter: { handle: {} } }, 'reporter.handle', /^handle must be a string$/],
];

/** What only intake decides (status, routing, the clock, disclosure, identity): a caller sending it is refused. */
const NEVER_FROM_A_CALLER: Record<string, unknown> = {
  status: 'resolved',
  department: 'POWER',
  departmentCode: 'POWER',
  deadline: '2030-01-01T00:00:00Z',
  dueAt: '2030-01-01T00:00:00Z',
  public: true,
  isPublic: true,
  published: true,
  petitionId: '01a221df-e99c-73ce-9c3f-ee725ec7148d',
  trackingCode: 'ZZZZ-ZZZZ-ZZZZ',
  receivedAt: '2020-01-01T00:00:00Z',
  duplicate: false,
};

function corpus(): Case[] {
  const zeros = (count: number): string => `[${Array.from({ length: count }, () => '0').join(',')}]`;
  const deepArrays = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const deepObjects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
  const overLimit = json('over-limit', { text: JSON.parse(zeros(100_000)) as unknown });
  return [
    accepted('valid-every-field', {
      town: 'FUKOU_TOWN',
      unit: 'FUJIANG_MINGZHU',
      grid: 'FJMZ-01',
      address: '涪江明珠小区 3 栋',
      latitude: 27.83,
      longitude: 113.15,
      category: 'street-light',
      reporter: { name: '李四', phone: '+86 139 8765 4321', handle: 'li4' },
    }),

    // Not JSON.
    rejected('truncated', { body: json('truncated').subarray(0, 40) }, malformed(/^the body is not valid JSON/)),
    rejected('trailing-comma', { body: bytes(`{"channel":"app","text":"x",}`) }, malformed(/at character 28\)$/)),
    rejected(
      'single-quotes',
      { body: bytes(`{'channel':'app','text':'x'}`) },
      malformed(/^the body is not valid JSON/),
    ),
    rejected('unquoted-keys', { body: bytes(`{channel:"app"}`) }, malformed(/^the body is not valid JSON/)),
    rejected('comment', { body: bytes(`{"channel":"app"} // note`) }, malformed(/^the body is not valid JSON/)),
    rejected('nan-literal', { body: bytes(`{"latitude":NaN}`) }, malformed(/^the body is not valid JSON/)),
    rejected(
      'only-whitespace',
      { body: bytes('  \n ') },
      malformed(/^the body is not valid JSON \(it ends too early\)$/),
    ),
    rejected('raw-nul-byte', { body: withRawText('raw-nul-byte', bytes('"a\u0000b"')) }, malformed(/not valid JSON/)),

    // Empty, or JSON that is no object.
    rejected(
      'empty-body',
      { body: Buffer.alloc(0) },
      invalid({ channel: /must be one of/, channelMessageId: /must be a string/, text: /must be a string/ }),
    ),
    rejected(
      'empty-body-without-content-type',
      { body: Buffer.alloc(0), contentType: null },
      invalid({ channel: /must be one of/, channelMessageId: /must be a string/, text: /must be a string/ }),
    ),
    rejected('body-empty-array', { body: bytes('[]') }, NOT_AN_OBJECT('an array')),
    rejected('body-array-of-petition', { body: bytes(`[${json('in-array').toString()}]`) }, NOT_AN_OBJECT('an array')),
    rejected('body-number', { body: bytes('42') }, NOT_AN_OBJECT('a number')),
    rejected('body-string', { body: bytes('"路灯不亮"') }, NOT_AN_OBJECT('a string')),
    rejected('body-null', { body: bytes('null') }, NOT_AN_OBJECT('null')),
    rejected('body-true', { body: bytes('true') }, NOT_AN_OBJECT('a boolean')),

    // Wrong types, unknown fields, fields a caller must never set.
    ...WRONG_TYPES.map(([name, overrides, field, problem]) =>
      rejected(`wrong-type-${name}`, { body: json(`wrong-type-${name}`, overrides) }, invalid({ [field]: problem })),
    ),
    rejected(
      'unknown-fields',
      { body: json('unknown-fields', { urgency: 'high', reporter: { name: '李四', email: 'li@example.com' } }) },
      invalid({ urgency: SHOULD_NOT_EXIST('urgency'), 'reporter.email': SHOULD_NOT_EXIST('email') }),
    ),
    ...Object.entries(NEVER_FROM_A_CALLER).map(([field, value]) =>
      rejected(
        `never-from-a-caller-${field}`,
        { body: json(`never-${field}`, { [field]: value }) },
        invalid({ [field]: SHOULD_NOT_EXIST(field) }),
      ),
    ),
    rejected(
      'never-from-a-caller-all-at-once',
      { body: json('never-all', NEVER_FROM_A_CALLER) },
      invalid(Object.fromEntries(Object.keys(NEVER_FROM_A_CALLER).map((field) => [field, SHOULD_NOT_EXIST(field)]))),
    ),

    // Shapes meant to exhaust the parser or the validator.
    rejected(
      'text-nested-10000-deep-arrays',
      { body: withRawText('deep-arrays', deepArrays) },
      invalid({ text: /^text nests deeper than 16 levels$/ }),
      true,
    ),
    rejected(
      'unknown-field-nested-10000-deep-objects',
      { body: withRaw('deep-objects', { extra: 'RAW' }, deepObjects) },
      invalid({ extra: /^extra nests deeper than 16 levels$/ }),
      true,
    ),
    rejected('body-nested-10000-deep', { body: bytes(deepArrays) }, NOT_AN_OBJECT('an array'), true),
    rejected(
      'text-array-of-30000',
      { body: withRawText('array-30000', zeros(30_000)) },
      invalid({ text: /^text must not hold more than 1000 items$/ }),
      true,
    ),
    rejected(
      'reporter-array-of-20000',
      { body: json('reporter-20000', { reporter: JSON.parse(zeros(20_000)) as unknown }) },
      invalid({ reporter: /^reporter must not hold more than 1000 items$/ }),
      true,
    ),
    rejected(
      'unknown-field-array-of-30000',
      { body: json('tags-30000', { tags: JSON.parse(zeros(30_000)) as unknown }) },
      invalid({ tags: /^tags must not hold more than 1000 items$/ }),
      true,
    ),
    rejected(
      'text-array-of-1000',
      { body: withRawText('array-1000', zeros(1000)) },
      invalid({ text: /^text must be a string$/ }),
    ),
    rejected(
      'array-of-100000-over-the-limit-badly-signed',
      { body: overLimit, signing: 'bad-signature' },
      { status: 413, code: 'PAYLOAD_TOO_LARGE', message: new RegExp(`at most ${LIMIT} bytes`) },
      true,
    ),
    rejected(
      'array-of-100000-over-the-limit-unsigned',
      { body: overLimit, signing: 'unsigned' },
      { status: 413, code: 'PAYLOAD_TOO_LARGE', message: new RegExp(`at most ${LIMIT} bytes`) },
      true,
    ),
    rejected(
      'array-of-100000-over-the-limit-chunked',
      { body: overLimit, signing: 'bad-signature', chunked: true },
      { status: 413, code: 'PAYLOAD_TOO_LARGE', message: new RegExp(`at most ${LIMIT} bytes`) },
      true,
    ),

    // Encodings: bytes that are not UTF-8 are refused, never stored as U+FFFD.
    rejected(
      'invalid-utf8-in-text',
      { body: withRawText('utf8-text', Buffer.from([0x22, 0xc3, 0x28, 0x22])) },
      NOT_UTF8,
    ),
    rejected('invalid-utf8-ff-fe', { body: withRawText('utf8-fffe', Buffer.from([0x22, 0xff, 0xfe, 0x22])) }, NOT_UTF8),
    rejected(
      'utf8-encoded-surrogate',
      { body: withRawText('cesu', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])) },
      NOT_UTF8,
    ),
    rejected('overlong-utf8', { body: withRawText('overlong', Buffer.from([0x22, 0xc0, 0xaf, 0x22])) }, NOT_UTF8),
    rejected(
      'invalid-utf8-outside-strings',
      { body: Buffer.concat([json('utf8-outside'), Buffer.from([0xff])]) },
      NOT_UTF8,
    ),
    rejected(
      'lone-high-surrogate-escape',
      { body: withRawText('lone-high', '"路灯\\ud800不亮"') },
      invalid({ text: /^text must not contain an unpaired surrogate/ }),
    ),
    rejected(
      'lone-low-surrogate-escape-in-id',
      { body: withRaw('lone-low', { channelMessageId: 'RAW' }, `"${idOf('lone-low')}\\udc00"`) },
      invalid({ channelMessageId: /^channelMessageId must not contain an unpaired surrogate/ }),
    ),
    stored(
      'surrogate-pair-escape',
      { body: withRawText('surrogate-pair', '"路灯不亮 \\ud83d\\ude00"') },
      '路灯不亮 😀',
    ),
    rejected(
      'nul-escape',
      { body: withRawText('nul', '"a\\u0000b"') },
      invalid({ text: /^text must not contain the NUL character \(U\+0000\)$/ }),
    ),
    stored('byte-order-mark', { body: Buffer.concat([bytes('\ufeff'), json('bom')]) }, textOf('bom')),

    // Length.
    rejected(
      'text-0-characters',
      { body: json('text-0', { text: '' }) },
      invalid({ text: /longer than or equal to 1/ }),
    ),
    rejected(
      'text-4001-characters',
      { body: json('text-4001', { text: 'x'.repeat(4001) }) },
      invalid({ text: /shorter than or equal to 4000/ }),
    ),
    accepted('text-4000-astral-characters', { text: '😀'.repeat(4000) }),
    rejected(
      'text-4001-astral-characters',
      { body: json('text-4001-astral', { text: '😀'.repeat(4001) }) },
      invalid({ text: /shorter than or equal to 4000/ }),
    ),
    accepted('text-4000-mixed', { text: `${'字'.repeat(3998)}😀😀` }),

    // Markup and SQL: text, stored verbatim, never run.
    accepted('script-tags', { text: SCRIPT }),
    ...SQL_TEXTS.map((text, index) => accepted(`sql-fragment-${index}`, { text, address: text.slice(0, 200) })),
    stored(
      `sql-in-id'); DROP TABLE intake.petitions; --`,
      { body: json(`sql-in-id'); DROP TABLE intake.petitions; --`) },
      textOf(`sql-in-id'); DROP TABLE intake.petitions; --`),
    ),
    rejected(
      'script-tag-as-a-key',
      { body: json('script-key', { '<script>alert(1)</script>': 1 }) },
      invalid({ '<script>alert(1)</script>': SHOULD_NOT_EXIST('<script>alert\\(1\\)</script>') }),
    ),

    // Location, category, position.
    rejected(
      'unknown-town-unit-grid',
      { body: json('unknown-location', { town: 'ATLANTIS', unit: 'NOWHERE', grid: 'FULING-99' }) },
      invalid({ town: /town codes$/, unit: /unit codes$/, grid: /grid codes$/ }),
    ),
    rejected(
      'unit-and-grid-outside-their-town',
      { body: json('ill-fitting', { town: 'YUEFENG', unit: 'FULING', grid: 'JIAQIAO-01' }) },
      invalid({
        unit: /^unit does not fit the rest of the location: unit FULING is not in town YUEFENG$/,
        grid: /^grid does not fit the rest of the location: grid JIAQIAO-01 is not in unit FULING$/,
      }),
    ),
    rejected('lower-case-town', { body: json('lower-town', { town: 'fukou_town' }) }, invalid({ town: /town codes$/ })),
    rejected(
      'unknown-category',
      { body: json('category', { category: 'ufo-sighting' }) },
      invalid({ category: /category codes$/ }),
    ),
    rejected(
      'latitude-and-longitude-out-of-range',
      { body: json('position', { latitude: 90.0001, longitude: -181 }) },
      invalid({ latitude: /not be greater than 90/, longitude: /not be less than -180/ }),
    ),
    rejected(
      'huge-number-1e400',
      { body: withRaw('huge-number', { latitude: 'RAW' }, '1e400') },
      invalid({ latitude: /not be greater than 90|must be a number/ }),
    ),
    rejected(
      'huge-integer-as-id',
      { body: withRaw('huge-integer', { channelMessageId: 'RAW' }, '9'.repeat(400)) },
      invalid({ channelMessageId: /must be a string/ }),
    ),

    // Not application/json in UTF-8.
    rejected('text-plain', { body: json('text-plain'), contentType: 'text/plain' }, unsupported()),
    rejected(
      'form-encoded',
      { body: bytes('channel=app&text=x'), contentType: 'application/x-www-form-urlencoded' },
      unsupported(),
    ),
    rejected('no-content-type', { body: json('no-content-type'), contentType: null }, unsupported()),
    rejected('latin1', { body: json('latin1'), contentType: 'application/json; charset=latin1' }, unsupported()),
    rejected(
      'gzip',
      { body: gzipSync(json('gzip')), headers: { 'content-encoding': 'gzip' } },
      unsupported(/uncompressed$/),
    ),

    // A key twice: refused, never a silent "last one wins".
    rejected(
      'duplicate-key',
      { body: bytes(`{"channel":"app","channelMessageId":"${idOf('dup')}","text":"a","text":"b"}`) },
      invalid({ text: /^property text must not appear more than once$/ }),
    ),
    rejected(
      'duplicate-key-escaped',
      { body: bytes(`{"channel":"app","channelMessageId":"${idOf('dup-esc')}","text":"a","te\\u0078t":"b"}`) },
      invalid({ text: /^property text must not appear more than once$/ }),
    ),
    rejected(
      'duplicate-key-nested',
      { body: withRaw('dup-nested', { reporter: { name: 'RAW' } }, '"a","name":"b"') },
      invalid({ 'reporter.name': /^property name must not appear more than once$/ }),
    ),

    // Prototype pollution: refused by name, and no later petition inherits anything.
    rejected(
      'proto',
      { body: prefixed('proto', '"__proto__":{"address":"polluted","town":"YUEFENG","status":"resolved"}') },
      invalid(PROTO_REFUSED),
    ),
    rejected(
      'proto-escaped',
      { body: prefixed('proto-escaped', '"\\u005f_proto__":{"address":"polluted"}') },
      invalid(PROTO_REFUSED),
    ),
    rejected(
      'constructor-prototype',
      { body: prefixed('constructor', '"constructor":{"prototype":{"address":"polluted"}}') },
      invalid({ constructor: SHOULD_NOT_EXIST('constructor') }),
    ),
    rejected(
      'proto-in-reporter',
      { body: withRaw('proto-reporter', { reporter: { name: 'RAW' } }, '"李四","__proto__":{"address":"polluted"}') },
      invalid({ 'reporter.__proto__': SHOULD_NOT_EXIST('__proto__') }),
    ),
    // Had any of the above reached Object.prototype, this petition would inherit an address and a town.
    stored('after-the-pollution-attempts', { body: json('after-pollution') }, textOf('after-pollution'), {
      address: null,
      town: null,
    }),
  ];
}

function unsupported(message = /application\/json in UTF-8/): Rejected {
  return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message };
}

/** A valid message with `members` (raw JSON) in front of its own fields. */
function prefixed(label: string, members: string): Buffer {
  return bytes(json(label).toString().replace(/^\{/, `{${members},`));
}

// ---- the runner ----------------------------------------------------------------------------------------------

function headersFor(request: Request): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.contentType !== null) headers['content-type'] = request.contentType ?? 'application/json';
  const signing = request.signing ?? 'signed';
  if (signing === 'unsigned') return headers;
  const signature = signChannelRequest({ ...KEY, body: request.body, timestamp: unixSeconds(new Date()) });
  if (signing === 'bad-signature') signature['X-Signature'] = `sha256=${'0'.repeat(64)}`;
  return { ...headers, ...signature };
}

function bodyOf(request: Request): RequestInit {
  if (!request.chunked) return { body: request.body };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < request.body.length; offset += 16_384) {
        controller.enqueue(request.body.subarray(offset, offset + 16_384));
      }
      controller.close();
    },
  });
  return { body: stream, duplex: 'half' };
}

function isStored(expected: Stored | Rejected): expected is Stored {
  return 'stored' in expected;
}

/** Per field of the answer: the problem the case expects if there is one among its problems, else all of them. */
function problemsByField(error: ErrorBody, expected: Record<string, RegExp>): Record<string, string> {
  return Object.fromEntries(
    (error.fields ?? []).map(({ field, problems }) => {
      const wanted = expected[field];
      return [field, problems.find((problem) => wanted?.test(problem)) ?? problems.join(' | ')];
    }),
  );
}

describe('intake: a corpus of malformed and hostile POST /petitions bodies', () => {
  const cases = corpus();
  const answers = new Map<string, Answer>();
  let db: TestDatabase;
  let intake: ServiceProcess;

  async function send(request: Request): Promise<Answer> {
    const started = Date.now();
    const response = await fetch(`${intake.url}/petitions`, {
      method: 'POST',
      headers: headersFor(request),
      ...bodyOf(request),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
      elapsedMs: Date.now() - started,
    };
  }

  async function rowsOfThisRun(): Promise<{ id: string; channelMessageId: string; text: string }[]> {
    return db.query(
      `SELECT id, channel_message_id AS "channelMessageId", text FROM intake.petitions
       WHERE starts_with(channel_message_id, $1) ORDER BY channel_message_id`,
      [`${RUN}-`],
    );
  }

  beforeAll(async () => {
    // Intake also consumes four topics; from their ends, so that it does not chew through their history meanwhile.
    const admin = createTestKafka().admin();
    await admin.connect();
    try {
      const consumed = [Topics.channelInbound, Topics.routingEvents, Topics.deptResponses, Topics.deadlineEvents];
      await ensureTopics(admin, consumed);
      for (const topic of consumed) await moveGroupToEnd(admin, consumerGroupId(GROUP_PREFIX, 'intake', topic), topic);
    } finally {
      await admin.disconnect();
    }
    db = await TestDatabase.create('it_http_malformed');
    intake = await ServiceProcess.start('intake', PORT, {
      env: {
        DATABASE_URL: db.url,
        KAFKA_CONSUMER_GROUP_PREFIX: GROUP_PREFIX,
        INTAKE_CHANNEL_CREDENTIALS: JSON.stringify([KEY]),
        INTAKE_RATE_LIMIT_PREFIX: `intake:rl:${RUN}:`,
      },
    });
  });

  afterAll(async () => {
    if (intake) expect(await intake.stop()).toBe(0);
    await db?.drop();
  });

  it('has a corpus with unique labels, and stored and rejected cases (so that the accounting can fail)', () => {
    expect(new Set(cases.map((entry) => entry.label)).size).toBe(cases.length);
    expect(new Set(cases.map((entry) => isStored(entry.expected)))).toEqual(new Set([true, false]));
  });

  it.each(cases.map((entry) => [entry.label, entry] as const))('%s', async (label, entry) => {
    const answer = await send(entry.request);
    answers.set(label, answer);
    // Every answer, a refusal included, is JSON: a key with markup in it is text in a JSON string, never HTML.
    expect({ label, contentType: answer.contentType }).toEqual({
      label,
      contentType: expect.stringMatching(/^application\/json/) as unknown,
    });
    if (entry.fast) expect({ label, fast: answer.elapsedMs < FAST_MS }).toEqual({ label, fast: true });
    const { expected } = entry;
    if (isStored(expected)) {
      expect({ label, status: answer.status, body: answer.body }).toEqual({
        label,
        status: 202,
        body: {
          petitionId: expect.any(String) as unknown,
          trackingCode: expect.any(String) as unknown,
          duplicate: false,
        },
      });
      return;
    }
    expect({ label, status: answer.status }).toEqual({ label, status: expected.status });
    // The one error format: exactly {"error": {code, message[, fields]}}.
    const { error, ...rest } = answer.body as { error: ErrorBody };
    expect({ label, rest }).toEqual({ label, rest: {} });
    expect({ label, keys: Object.keys(error).sort() }).toEqual({
      label,
      keys: expected.fields ? ['code', 'fields', 'message'] : ['code', 'message'],
    });
    expect({ label, code: error.code, message: error.message }).toEqual({
      label,
      code: expected.code,
      message: expect.stringMatching(expected.message ?? /./) as unknown,
    });
    if (expected.fields) {
      expect({ label, fields: problemsByField(error, expected.fields) }).toEqual({
        label,
        fields: Object.fromEntries(
          Object.entries(expected.fields).map(([field, problem]) => [field, expect.stringMatching(problem) as unknown]),
        ),
      });
      const names = (error.fields ?? []).map((entry) => entry.field).join(', ');
      expect({ label, message: error.message }).toEqual({ label, message: `the request has invalid fields: ${names}` });
    }
  });

  it('lost nothing: each input is a stored petition (202, its row, its text verbatim) or a refusal, nothing else', async () => {
    expect([...answers.keys()]).toEqual(cases.map((entry) => entry.label));
    const rows = await rowsOfThisRun();
    const storedCases = cases.filter((entry) => isStored(entry.expected));
    const storedIds = storedCases.map(
      (entry) => (answers.get(entry.label)?.body as { petitionId?: string }).petitionId,
    );
    // Every accepted input has its row, under the petition id it was answered with, and no refused one has any.
    expect(rows.map((row) => row.id).sort()).toEqual([...storedIds].sort());
    for (const entry of storedCases) {
      const { petitionId } = answers.get(entry.label)?.body as { petitionId: string };
      const row = rows.find((candidate) => candidate.id === petitionId);
      expect({ label: entry.label, text: row?.text }).toEqual({
        label: entry.label,
        text: (entry.expected as Stored).stored.text,
      });
    }
    // Stored once with its event, in the same transaction: one petition.received in the outbox per petition.
    const [outbox] = await db.query<{ n: string }>(
      // Replies to citizens are sealed (not JSON) in the outbox: only petition.received rows are read as JSON.
      `SELECT count(*) AS n FROM intake.outbox_messages
        WHERE CASE WHEN event_type = 'petition.received'
                   THEN starts_with(payload::jsonb->>'channelMessageId', $1) ELSE false END`,
      [`${RUN}-`],
    );
    expect(outbox?.n).toBe(String(storedCases.length));
  });

  it('ran none of the SQL: the petitions table is there, with every SQL fragment as text and nothing overwritten', async () => {
    const [table] = await db.query<{ name: string | null }>(`SELECT to_regclass('intake.petitions')::text AS name`);
    expect(table?.name).toBe('intake.petitions');
    const texts = (await rowsOfThisRun()).map((row) => row.text);
    expect(texts).toEqual(expect.arrayContaining([...SQL_TEXTS, SCRIPT]));
    expect(texts).not.toContain('pwned');
    const [astral] = await db.query<{ characters: number }>(
      `SELECT char_length(text) AS characters FROM intake.petitions WHERE channel_message_id = $1`,
      [idOf('text-4000-astral-characters')],
    );
    expect(astral?.characters).toBe(4000);
  });

  it('inherited nothing from the pollution attempts, and is still serving, with no unexpected error logged', async () => {
    const [after] = await db.query<{ address: string | null; town: string | null }>(
      `SELECT address, town FROM intake.petitions WHERE channel_message_id = $1`,
      [idOf('after-pollution')],
    );
    expect(after).toEqual({ address: null, town: null });
    expect((await fetch(`${intake.url}/health/ready`)).status).toBe(200);
    expect(intake.logs()).not.toMatch(/unexpected error|Maximum call stack|RangeError/);
  });
});
