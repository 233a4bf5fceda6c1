import { DEMO_CHANNEL_SECRET } from '@petitions/contracts';
import { ConfigError, loadConfig, redactedConfig } from '@petitions/platform';
import { IntakeConfig } from '../config';
import { parseChannelCredentials } from './channel-credentials';
import { ChannelKeyring } from './channel-keyring';

const SECRET_A = 'a-secret-of-thirty-two-characters-or-more-aaaa';
const SECRET_B = 'b-secret-of-thirty-two-characters-or-more-bbbb';
const SECRET_C = 'c-secret-of-thirty-two-characters-or-more-cccc';

function entry(keyId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { keyId, channel: 'app', secret: SECRET_A, status: 'active', ...overrides };
}

function problemsOf(value: unknown): readonly string[] {
  const result = parseChannelCredentials(typeof value === 'string' ? value : JSON.stringify(value));
  return result.ok ? [] : result.problems;
}

function configProblems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(IntakeConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseChannelCredentials', () => {
  it('given two active keys for one channel and a retired one, then all three are read', () => {
    const raw = [entry('app-1'), entry('app-2', { secret: SECRET_B }), entry('app-0', { status: 'retired' })];
    expect(parseChannelCredentials(JSON.stringify(raw))).toEqual({ ok: true, credentials: raw });
  });

  it('given an unknown channel code, then a problem naming the entry and the known codes', () => {
    expect(problemsOf([entry('fax-1', { channel: 'fax' })])).toEqual([
      'entry 0 (keyId "fax-1"): unknown channel code (must be one of wechat-resident, wechat-enterprise, ' +
        'hotline-12345, app, supervision-platform)',
    ]);
  });

  it('given a secret of 31 characters, then too short; 32 is enough', () => {
    expect(problemsOf([entry('app-1', { secret: 'x'.repeat(31) })])).toEqual([
      'entry 0 (keyId "app-1"): secret must be a string of at least 32 characters',
    ]);
    expect(problemsOf([entry('app-1', { secret: 'x'.repeat(32) })])).toEqual([]);
  });

  it('given three active keys for one channel, then a problem (two are allowed, retired ones do not count)', () => {
    const three = [entry('app-1'), entry('app-2', { secret: SECRET_B }), entry('app-3', { secret: SECRET_C })];
    expect(problemsOf(three)).toEqual([
      'channel app has 3 active keys (app-1, app-2, app-3); at most 2, the old and the new one during a rotation',
    ]);
    expect(problemsOf([...three.slice(0, 2), { ...three[2], status: 'retired' }])).toEqual([]);
  });

  it('given the same keyId twice (even on two channels), then a duplicate', () => {
    expect(problemsOf([entry('k-1'), entry('k-1', { channel: 'hotline-12345' })])).toEqual(['duplicate keyId "k-1"']);
  });

  it('given broken JSON, a non-array, an empty list or a bad entry, then each is named without quoting the input', () => {
    expect(problemsOf(`[{"keyId":"k","secret":"${SECRET_A}"`)).toEqual([
      'must be a JSON array of {keyId, channel, secret, status} (not valid JSON)',
    ]);
    expect(problemsOf({ keyId: 'k' })).toEqual(['must be a JSON array of {keyId, channel, secret, status}']);
    expect(problemsOf([])).toEqual(['must list at least one credential']);
    expect(problemsOf([entry('app-1', { status: 'paused', secrte: SECRET_B }), 'x'])).toEqual([
      'entry 0 (keyId "app-1"): unknown field "secrte"',
      'entry 0 (keyId "app-1"): status must be "active" or "retired"',
      'entry 1: must be an object',
    ]);
    expect(problemsOf([entry('has space')])).toEqual(['entry 0: keyId must be 1-64 letters, digits, ".", "_" or "-"']);
  });
});

describe('INTAKE_CHANNEL_CREDENTIALS in the configuration', () => {
  it('given nothing set, then one active demo key per channel', () => {
    const config = loadConfig(IntakeConfig, {});
    const parsed = parseChannelCredentials(config.INTAKE_CHANNEL_CREDENTIALS);
    expect(parsed.ok && parsed.credentials.map((c) => `${c.keyId}:${c.channel}:${c.status}`)).toEqual([
      'demo-wechat-resident:wechat-resident:active',
      'demo-wechat-enterprise:wechat-enterprise:active',
      'demo-hotline-12345:hotline-12345:active',
      'demo-app:app:active',
      'demo-supervision-platform:supervision-platform:active',
    ]);
    expect(config.INTAKE_BODY_LIMIT_BYTES).toBe(65536);
  });

  it('given bad credentials, then the variable is named with every reason, and no secret is shown', () => {
    const raw = JSON.stringify([
      entry('app-1', { secret: 'short-$value-secret' }),
      entry('app-1', { secret: SECRET_B }),
    ]);
    const problems = configProblems({ INTAKE_CHANNEL_CREDENTIALS: raw });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^INTAKE_CHANNEL_CREDENTIALS: /);
    expect(problems[0]).toContain('secret must be a string of at least 32 characters');
    expect(problems[0]).toMatch(/value hidden: secret/);
    expect(problems[0]).not.toContain('short-');
    expect(problems[0]).not.toContain(SECRET_B);
  });

  it('given valid credentials, then they are never in the logged configuration', () => {
    const config = loadConfig(IntakeConfig, { INTAKE_CHANNEL_CREDENTIALS: JSON.stringify([entry('app-1')]) });
    expect(JSON.stringify(redactedConfig(config))).not.toContain(SECRET_A);
  });

  it('given a body limit out of range, then the variable is named', () => {
    expect(configProblems({ INTAKE_BODY_LIMIT_BYTES: '100' })[0]).toMatch(
      /^INTAKE_BODY_LIMIT_BYTES: .*not be less than 1024/,
    );
  });
});

describe('ChannelKeyring.fromConfig', () => {
  it('given demo credentials, then it warns once, naming the demo keys but not the secret', () => {
    const warnings: string[] = [];
    const keyring = ChannelKeyring.fromConfig(loadConfig(IntakeConfig, {}).INTAKE_CHANNEL_CREDENTIALS, {
      warn: (message: string) => void warnings.push(message),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('demo-app');
    expect(warnings[0]).not.toContain(DEMO_CHANNEL_SECRET);
    expect(keyring.find('demo-app')?.channel).toBe('app');
  });

  it('given only real credentials (and a retired demo key), then no warning', () => {
    const warnings: string[] = [];
    ChannelKeyring.fromConfig(
      JSON.stringify([entry('app-1'), entry('demo-app', { secret: DEMO_CHANNEL_SECRET, status: 'retired' })]),
      { warn: (message: string) => void warnings.push(message) },
    );
    expect(warnings).toEqual([]);
  });
});
