import { randomBytes } from 'node:crypto';
import { signChannelRequest, unixSeconds } from '@petitions/contracts';
import { expectEventually } from '@petitions/testing';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

const PORTS = [3155, 3156] as const;
const NO_REDIS_PORT = 3157;
const RUN = `rl-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const secret = (): string => randomBytes(24).toString('hex');
const HOTLINE = { keyId: `hotline-${RUN}`, channel: 'hotline-12345', secret: secret(), status: 'active' } as const;
const APP = { keyId: `app-${RUN}`, channel: 'app', secret: secret(), status: 'active' } as const;
// Used only by the per-source test, so its budget shows whether a refusal there spent any of it.
const APP_SECOND = { keyId: `app2-${RUN}`, channel: 'app', secret: secret(), status: 'active' } as const;
// Small limits so the test reaches them: 4 per key in 3 s, 5 per source in 3 s. Each request below comes from an
// address of its own (X-Forwarded-For, trusted with INTAKE_TRUST_PROXY=1) unless it is about the source limit.
const LIMITS = { 'channel-key': { limit: 4, windowSeconds: 3 }, source: { limit: 5, windowSeconds: 3 } };
const ENV = {
  INTAKE_CHANNEL_CREDENTIALS: JSON.stringify([HOTLINE, APP, APP_SECOND]),
  INTAKE_RATE_LIMITS: JSON.stringify(LIMITS),
  INTAKE_RATE_LIMIT_PREFIX: `intake:rl:${RUN}:`,
  INTAKE_TRUST_PROXY: '1',
  KAFKA_CONSUMER_GROUP_PREFIX: `it-rate-limit-${RUN}.`,
};

interface Answer {
  readonly status: number;
  readonly code?: string;
  readonly headers: Headers;
}

let addresses = 0;
/** A source address no other request of this run uses (TEST-NET-2, 198.51.100.0/24, then onwards). */
function freshAddress(): string {
  addresses += 1;
  return `198.51.${100 + Math.floor(addresses / 250)}.${addresses % 250}`;
}

function petition(id: string, channel: string): string {
  return JSON.stringify({ channel, channelMessageId: `${RUN}-${id}`, text: '楼道灯坏了一周没人修', unit: 'NANJIANG' });
}

async function post(
  url: string,
  body: string,
  options: { key?: { keyId: string; secret: string }; from?: string; signature?: string },
): Promise<Answer> {
  const signed = options.key
    ? signChannelRequest({
        keyId: options.key.keyId,
        secret: options.key.secret,
        body,
        timestamp: unixSeconds(new Date()),
      })
    : {};
  const response = await fetch(`${url}/petitions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.from ?? freshAddress(),
      ...signed,
      ...(options.signature ? { 'X-Signature': options.signature } : {}),
    },
    body,
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as { error?: { code?: string } }) : {};
  return { status: response.status, code: parsed.error?.code, headers: response.headers };
}

describe('intake: rate limits per channel key and per source, shared by two replicas through Redis', () => {
  let db: TestDatabase;
  const replicas: ServiceProcess[] = [];
  const accepted: string[] = [];
  const limited: string[] = [];
  const replica = (index: number): string => {
    const service = replicas[index % replicas.length];
    if (!service) throw new Error('replicas not started');
    return service.url;
  };

  beforeAll(async () => {
    db = await TestDatabase.create('it_rate_limit');
    // One after the other: the second finds the migrations done.
    for (const port of PORTS) {
      replicas.push(await ServiceProcess.start('intake', port, { env: { DATABASE_URL: db.url, ...ENV } }));
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map((service) => service.stop()));
    await db?.drop();
  });

  it('does not charge a key for requests in its name that fail the signature', async () => {
    for (let i = 0; i < 6; i += 1) {
      const body = petition(`forged-${i}`, 'hotline-12345');
      const answer = await post(replica(i), body, { key: HOTLINE, signature: `sha256=${'0'.repeat(64)}` });
      expect({ status: answer.status, code: answer.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('shares one budget per key across the replicas: the 5th signed request within the window is 429', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const body = petition(`budget-${i}`, 'hotline-12345');
      const answer = await post(replica(i), body, { key: HOTLINE });
      expect(answer.status).toBe(202);
      expect(answer.headers.get('ratelimit-limit')).toBe('4');
      remaining.push(answer.headers.get('ratelimit-remaining') ?? '');
      accepted.push(`${RUN}-budget-${i}`);
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);

    for (const index of [0, 1]) {
      const id = `over-${index}`;
      const answer = await post(replica(index), petition(id, 'hotline-12345'), { key: HOTLINE });
      expect({ status: answer.status, code: answer.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(LIMITS['channel-key'].windowSeconds);
      expect(answer.headers.get('ratelimit-remaining')).toBe('0');
      limited.push(`${RUN}-${id}`);
    }
  });

  it('leaves another key its own budget', async () => {
    const body = petition('other-key', 'app');
    const answer = await post(replica(1), body, { key: APP });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('ratelimit-remaining')).toBe('3');
    accepted.push(`${RUN}-other-key`);
  });

  it('admits the key again once Retry-After has passed', async () => {
    const body = (attempt: number): string => petition(`again-${attempt}`, 'hotline-12345');
    let attempt = 0;
    const refused = await post(replica(0), body(attempt), { key: HOTLINE });
    const refusedAt = Date.now();
    expect(refused.status).toBe(429);
    limited.push(`${RUN}-again-${attempt}`);
    const retryAfterMs = Number(refused.headers.get('retry-after')) * 1000;
    const answer = await expectEventually(
      async () => {
        attempt += 1;
        const result = await post(replica(attempt), body(attempt), { key: HOTLINE });
        if (result.status === 429) limited.push(`${RUN}-again-${attempt}`);
        expect(result.status).toBe(202);
        return result;
      },
      { timeoutMs: (LIMITS['channel-key'].windowSeconds + 2) * 1000, intervalMs: 200, description: 'admitted again' },
    );
    expect(answer.status).toBe(202);
    // Not before: Retry-After is rounded up, so the window frees within its last second.
    expect(Date.now() - refusedAt).toBeGreaterThan(retryAfterMs - 1000);
    accepted.push(`${RUN}-again-${attempt}`);
  });

  it('limits one source address across the replicas, before the signature is even checked', async () => {
    const source = freshAddress();
    for (let i = 0; i < 5; i += 1) {
      // Unsigned: 401, but counted against the address.
      const answer = await post(replica(i), petition(`source-${i}`, 'app'), { from: source });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(4 - i));
    }
    const body = petition('source-signed', 'app');
    const answer = await post(replica(1), body, { key: APP_SECOND, from: source });
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    limited.push(`${RUN}-source-signed`);
    // Another address, same key: admitted, so the source's refusal did not spend the key's budget.
    const elsewhere = await post(replica(0), petition('source-elsewhere', 'app'), { key: APP_SECOND });
    expect(elsewhere.status).toBe(202);
    expect(elsewhere.headers.get('ratelimit-remaining')).toBe('3');
    accepted.push(`${RUN}-source-elsewhere`);
  });

  it('stored every admitted petition and none that was refused with 429', async () => {
    const rows = await db.query<{ id: string }>(
      'SELECT channel_message_id AS id FROM intake.petitions WHERE starts_with(channel_message_id, $1) ORDER BY 1',
      [`${RUN}-`],
    );
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => row.id)).toEqual([...accepted].sort());
  });
});

describe('intake with Redis unreachable', () => {
  let db: TestDatabase;
  let intake: ServiceProcess;

  beforeAll(async () => {
    db = await TestDatabase.create('it_rate_limit_no_redis');
    intake = await ServiceProcess.start('intake', NO_REDIS_PORT, {
      env: { DATABASE_URL: db.url, ...ENV, REDIS_URL: 'redis://127.0.0.1:1' },
    });
  });

  afterAll(async () => {
    await intake?.stop();
    await db?.drop();
  });

  it('is ready, admits petitions (fails open) beyond the limit, and warns once', async () => {
    for (let i = 0; i < 6; i += 1) {
      const answer = await post(intake.url, petition(`no-redis-${i}`, 'app'), { key: APP });
      expect(answer.status).toBe(202);
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
    }
    const warnings = intake.logs().match(/rate limiter unavailable, requests are NOT being limited/g) ?? [];
    expect(warnings).toHaveLength(1);
  });
});
