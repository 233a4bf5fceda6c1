import { ConfigError, loadConfig, redactedConfig } from '@petitions/platform';
import { IntakeConfig } from '../config';
import { DEFAULT_RATE_LIMITS, parseRateLimits, rateLimitRulesOf } from './rate-limit-rules';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(IntakeConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('INTAKE_RATE_LIMITS and the other rate-limit variables', () => {
  it('given nothing, then the district defaults, Redis on localhost, keys under intake:rl:, no trusted proxy', () => {
    const config = loadConfig(IntakeConfig, {});
    expect(rateLimitRulesOf(config.INTAKE_RATE_LIMITS)).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.INTAKE_RATE_LIMIT_PREFIX).toBe('intake:rl:');
    expect(config.INTAKE_TRUST_PROXY).toBe(0);
  });

  it('given one bucket, then that bucket changes and the others keep their defaults', () => {
    const config = loadConfig(IntakeConfig, {
      INTAKE_RATE_LIMITS: JSON.stringify({ 'channel-key': { limit: 5, windowSeconds: 2 } }),
    });
    expect(rateLimitRulesOf(config.INTAKE_RATE_LIMITS)).toEqual({
      ...DEFAULT_RATE_LIMITS,
      'channel-key': { limit: 5, windowSeconds: 2 },
    });
  });

  it('given bad values, then boot stops naming every problem', () => {
    const problems = problemsOf({
      INTAKE_RATE_LIMITS: JSON.stringify({
        'channel-key': { limit: 0, windowSeconds: 60 },
        source: { limit: 10, windowSeconds: 1.5, burst: 3 },
        trackng: { limit: 1, windowSeconds: 1 },
        'tracking-lookup': 30,
      }),
      INTAKE_TRUST_PROXY: 'yes',
      INTAKE_RATE_LIMIT_PREFIX: 'other:',
      REDIS_URL: 'http://redis:6379',
    });
    const text = problems.join('\n');
    expect(text).toMatch(/INTAKE_RATE_LIMITS: .*"channel-key"\.limit must be a whole number 1-1000000/);
    expect(text).toMatch(/"source": unknown field "burst"/);
    expect(text).toMatch(/"source"\.windowSeconds must be a whole number 1-86400/);
    expect(text).toMatch(
      /unknown bucket "trackng" \(must be one of channel-key, source, tracking-lookup, open311-key, open311-read\)/,
    );
    expect(text).toMatch(/"tracking-lookup" must be an object/);
    expect(text).toMatch(/INTAKE_TRUST_PROXY: /);
    expect(text).toMatch(/INTAKE_RATE_LIMIT_PREFIX: must be intake:rl: or intake:rl:<name>:/);
    expect(text).toMatch(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL \(value hidden: secret\)/);
  });

  it('given text that is not a JSON object, then a clear problem', () => {
    expect(parseRateLimits('{"source":')).toEqual({ ok: false, problems: ['must be a JSON object (not valid JSON)'] });
    expect(parseRateLimits('[]')).toMatchObject({ ok: false });
  });

  it('never logs REDIS_URL, which may carry a password', () => {
    const config = loadConfig(IntakeConfig, { REDIS_URL: 'redis://:hunter2-redis-password@redis:6379' });
    expect(JSON.stringify(redactedConfig(config))).not.toContain('hunter2-redis-password');
  });

  it('accepts a test run prefix under intake:rl:', () => {
    expect(loadConfig(IntakeConfig, { INTAKE_RATE_LIMIT_PREFIX: 'intake:rl:it-run1:' }).INTAKE_RATE_LIMIT_PREFIX).toBe(
      'intake:rl:it-run1:',
    );
  });
});
