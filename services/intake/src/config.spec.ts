import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, redactedConfig } from '@petitions/platform';
import { IntakeConfig } from './config';
import { DEMO_PII_KEYS } from './reporters/pii-cipher';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(IntakeConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('IntakeConfig.INTAKE_PII_KEYS', () => {
  const key = randomBytes(32).toString('base64');

  it('given nothing, then the demo keyring; given a keyring, then that one, never logged', () => {
    expect(loadConfig(IntakeConfig, {}).INTAKE_PII_KEYS).toBe(DEMO_PII_KEYS);
    const keys = JSON.stringify({ current: 'k1', keys: { k1: key } });
    const config = loadConfig(IntakeConfig, { INTAKE_PII_KEYS: keys });
    expect(config.INTAKE_PII_KEYS).toBe(keys);
    expect(JSON.stringify(redactedConfig(config))).not.toContain(key);
  });

  it('given a broken keyring, then boot stops naming each problem, without the value', () => {
    const short = randomBytes(16).toString('base64');
    const problems = problemsOf({
      INTAKE_PII_KEYS: JSON.stringify({ current: 'k2', keys: { k1: key, weak: short } }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^INTAKE_PII_KEYS: /);
    expect(problems[0]).toMatch(/key "weak" must be standard base64 of exactly 32 bytes/);
    expect(problems[0]).toMatch(/"current" is "k2", which is not one of "keys"/);
    expect(problems[0]).toMatch(/\(value hidden: secret\)$/);
    expect(problems[0]).not.toContain(key);
    expect(problems[0]).not.toContain(short);
  });

  it('given text that is not JSON, then a problem that does not quote it', () => {
    const problems = problemsOf({ INTAKE_PII_KEYS: `{"current":"k1","keys":{"k1":"${key}"` });
    expect(problems[0]).toMatch(/INTAKE_PII_KEYS: is not valid JSON/);
    expect(problems[0]).not.toContain(key);
  });

  it('given a key id that looks like a class-validator token, then the value is still not shown', () => {
    const problems = problemsOf({ INTAKE_PII_KEYS: JSON.stringify({ current: '$value', keys: { $value: key } }) });
    expect(problems[0]).not.toContain(key);
  });
});
