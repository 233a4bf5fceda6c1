import { IsInt, Matches, Max, Min } from 'class-validator';
import { CommonConfig } from './common-config';
import { ConfigError, configVariableNames, loadConfig, redactedConfig, Secret } from './load-config';

class ExampleConfig extends CommonConfig {
  override HTTP_PORT = 3999;
  @IsInt() @Min(1) @Max(10) EXAMPLE_LIMIT = 3;
}

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(ExampleConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig(ExampleConfig, {});
    expect(config.HTTP_PORT).toBe(3999);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.MIGRATIONS_RUN).toBe(true);
  });

  it('converts numbers and booleans by the type of their default', () => {
    const config = loadConfig(ExampleConfig, { HTTP_PORT: '3112', MIGRATIONS_RUN: 'false', EXAMPLE_LIMIT: '7' });
    expect(config.HTTP_PORT).toBe(3112);
    expect(config.MIGRATIONS_RUN).toBe(false);
    expect(config.EXAMPLE_LIMIT).toBe(7);
  });

  it('names every bad variable and why', () => {
    const problems = problemsOf({ HTTP_PORT: 'eighty', KAFKA_BROKERS: 'no port here', EXAMPLE_LIMIT: '11' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('HTTP_PORT:'))).toMatch(/integer/);
    expect(problems.find((p) => p.startsWith('KAFKA_BROKERS:'))).toMatch(/host:port/);
    expect(problems.find((p) => p.startsWith('EXAMPLE_LIMIT:'))).toMatch(/not be greater than 10/);
  });

  it('never shows a secret value, even when it is invalid', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(problems).toEqual(['DATABASE_URL: must be a postgres:// URL (value hidden: secret)']);
    const config = loadConfig(ExampleConfig, { DATABASE_URL: 'postgres://app:hunter2@db:5432/petitions' });
    expect(JSON.stringify(redactedConfig(config))).not.toContain('hunter2');
  });

  it('hides a secret even when its validator quotes the value', () => {
    class QuotingConfig extends CommonConfig {
      @Secret() @Matches(/^ok$/, { message: '$property is not "$value"' }) API_TOKEN = 'ok';
    }
    let problems: readonly string[] = [];
    try {
      loadConfig(QuotingConfig, { API_TOKEN: 'hunter2' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual(['API_TOKEN: invalid (value hidden: secret)']);
  });

  it('lists the variables a config class reads, inherited ones included', () => {
    expect(configVariableNames(ExampleConfig)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'EXAMPLE_LIMIT', 'HTTP_PORT']),
    );
  });
});
