import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { configVariableNames, loadConfig, type CommonConfig } from '@petitions/platform';
import type { ServiceDefinition } from '@petitions/runtime';
import { SERVICES } from '../../scripts/services';

/**
 * docker-compose.yml and deploy/Dockerfile are only ever run by users (there is no Docker engine in CI), so this
 * test is what keeps them in step with the code: the service list of scripts/services.ts, the environment variables
 * each config class really reads, the health endpoints, and a layout that `docker compose up --scale` can scale.
 */

const ROOT = join(__dirname, '..', '..');
const DOCKERFILE = 'deploy/Dockerfile';
const INFRASTRUCTURE = ['kafka', 'postgres'] as const;
/** Infrastructure only some services use: Redis holds intake's rate-limit counters. */
const OTHER_INFRASTRUCTURE = ['redis'] as const;

// ---- narrowing the parsed YAML -------------------------------------------------------------------------------

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asMapping(value: unknown, where: string): Mapping {
  if (!isMapping(value)) throw new Error(`${where}: expected a mapping, got ${JSON.stringify(value)}`);
  return value;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function asScalarText(value: unknown, where: string): string {
  if (!isScalar(value)) throw new Error(`${where}: expected a scalar, got ${JSON.stringify(value)}`);
  return String(value);
}

/** Compose's "list or dict" fields (environment, build.args): `KEY: value` or `- KEY=value` / `- KEY`. */
function keyValues(value: unknown, where: string): Map<string, string | undefined> {
  const result = new Map<string, string | undefined>();
  if (value === undefined || value === null) return result;
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = asScalarText(item, where);
      const equals = text.indexOf('=');
      if (equals < 0) result.set(text, undefined);
      else result.set(text.slice(0, equals), text.slice(equals + 1));
    }
    return result;
  }
  for (const [key, item] of Object.entries(asMapping(value, where))) {
    result.set(key, item === null ? undefined : asScalarText(item, `${where}.${key}`));
  }
  return result;
}

/** What the value becomes once compose interpolates it with nothing set: `${NAME:-default}` → default, `$$` → `$`. */
function interpolateDefaults(value: string): string {
  return value
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (_match, fallback: string | undefined) => fallback ?? '')
    .replace(/\$\$/g, '$');
}

/** Compose durations such as `35s`, `1m30s`, `500ms`, in milliseconds. */
function durationMs(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value) {
    throw new Error(`not a compose duration: ${value}`);
  }
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (units[unit ?? ''] ?? Number.NaN), 0);
}

interface PortEntry {
  readonly text: string;
  /** The host side as written ('' when docker chooses). */
  readonly published: string;
  readonly target: string;
}

/** Short (`"3001"`, `"8080:3001"`, `"127.0.0.1:8080:3001/tcp"`) and long (`{ target, published }`) port syntax. */
function portEntries(value: unknown, where: string): PortEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value.map((entry, index) => {
    if (isMapping(entry)) {
      return {
        text: JSON.stringify(entry),
        published: entry.published === undefined ? '' : asScalarText(entry.published, `${where}[${index}].published`),
        target: asScalarText(entry.target, `${where}[${index}].target`),
      };
    }
    const text = asScalarText(entry, `${where}[${index}]`);
    const withoutProtocol = text.replace(/\/(tcp|udp|sctp)$/, '');
    const lastColon = withoutProtocol.lastIndexOf(':');
    if (lastColon < 0) return { text, published: '', target: withoutProtocol };
    const host = withoutProtocol.slice(0, lastColon);
    const target = withoutProtocol.slice(lastColon + 1);
    // HOST:CONTAINER or IP:HOST:CONTAINER; an interpolated host port (`${PORT:-8080}`) stays a fixed port.
    const published = host.includes('${') ? host : host.slice(host.lastIndexOf(':') + 1);
    return { text, published, target };
  });
}

/** A port that pins a host number, so a second instance of the service could not start. */
function isFixedHostPort(port: PortEntry): boolean {
  return port.published !== '' && !/^\d+-\d+$/.test(port.published);
}

function healthcheckCommand(service: Mapping, where: string): string {
  const healthcheck = asMapping(service.healthcheck, `${where}.healthcheck`);
  if (healthcheck.disable === true) return '';
  const test = healthcheck.test;
  if (Array.isArray(test))
    return test.map((part, index) => asScalarText(part, `${where}.healthcheck.test[${index}]`)).join(' ');
  return asScalarText(test, `${where}.healthcheck.test`);
}

/** depends_on as service → condition (the list form means `service_started`). */
function dependencies(service: Mapping, where: string): Map<string, string> {
  const dependsOn = service.depends_on;
  const result = new Map<string, string>();
  if (dependsOn === undefined) return result;
  if (Array.isArray(dependsOn)) {
    for (const name of dependsOn) result.set(asScalarText(name, `${where}.depends_on`), 'service_started');
    return result;
  }
  for (const [name, options] of Object.entries(asMapping(dependsOn, `${where}.depends_on`))) {
    const condition = isMapping(options) ? options.condition : undefined;
    result.set(
      name,
      condition === undefined ? 'service_started' : asScalarText(condition, `${where}.depends_on.${name}`),
    );
  }
  return result;
}

function buildOf(service: Mapping, where: string): { dockerfile: string; args: Map<string, string | undefined> } {
  const build = service.build;
  if (typeof build === 'string')
    return { dockerfile: posix.normalize(posix.join(build, 'Dockerfile')), args: new Map() };
  const mapping = asMapping(build, `${where}.build`);
  const context = mapping.context === undefined ? '.' : asScalarText(mapping.context, `${where}.build.context`);
  const file =
    mapping.dockerfile === undefined ? 'Dockerfile' : asScalarText(mapping.dockerfile, `${where}.build.dockerfile`);
  return {
    dockerfile: posix.normalize(posix.join(context, file)),
    args: keyValues(mapping.args, `${where}.build.args`),
  };
}

// ---- the files ---------------------------------------------------------------------------------------------

function loadCompose(): Mapping {
  // `merge: true`: the file shares its common parts through `<<: *anchor` merge keys, as compose reads them.
  const document: unknown = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  return asMapping(document, 'docker-compose.yml');
}

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Dockerfile instructions (continuation lines joined, comments and parser directives dropped), split by stage. */
function dockerfileStages(text: string): Instruction[][] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    const instruction: Instruction = { keyword: (match?.[1] ?? '').toUpperCase(), args: match?.[2] ?? '' };
    if (instruction.keyword === 'FROM') stages.push([]);
    const current = stages.at(-1);
    if (current === undefined) throw new Error(`${DOCKERFILE}: ${instruction.keyword} before the first FROM`);
    current.push(instruction);
  }
  return stages;
}

const compose = loadCompose();
const services = asMapping(compose.services, 'services');

function composeService(name: string): Mapping {
  return asMapping(services[name], `services.${name}`);
}

// ---- docker-compose.yml ------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('runs kafka, postgres, redis and exactly the services of scripts/services.ts', () => {
    const expected = [
      ...INFRASTRUCTURE,
      ...OTHER_INFRASTRUCTURE,
      ...SERVICES.map((definition) => definition.name),
    ].sort();
    expect(Object.keys(services).sort()).toEqual(expected);
  });

  it('runs Apache Kafka 4 and PostgreSQL 15, both with a health check the services can wait for', () => {
    expect(asScalarText(composeService('kafka').image, 'services.kafka.image')).toMatch(/^apache\/kafka:4\.\d+/);
    expect(asScalarText(composeService('postgres').image, 'services.postgres.image')).toMatch(/^postgres:15(?:$|[.-])/);
    expect(healthcheckCommand(composeService('kafka'), 'services.kafka')).toContain('kafka-broker-api-versions.sh');
    expect(healthcheckCommand(composeService('postgres'), 'services.postgres')).toContain('pg_isready');
  });

  it('runs Redis 7 with a health check, and intake waits for it and points REDIS_URL at it', () => {
    expect(asScalarText(composeService('redis').image, 'services.redis.image')).toMatch(/^redis:7(?:$|[.-])/);
    expect(healthcheckCommand(composeService('redis'), 'services.redis')).toContain('redis-cli ping');
    expect(dependencies(composeService('intake'), 'services.intake').get('redis')).toBe('service_healthy');
    const redisUrl = keyValues(composeService('intake').environment, 'services.intake.environment').get('REDIS_URL');
    expect(new URL(interpolateDefaults(redisUrl ?? 'missing:')).hostname).toBe('redis');
  });

  it('keeps the broker from creating topics implicitly', () => {
    const environment = keyValues(composeService('kafka').environment, 'services.kafka.environment');
    expect(environment.get('KAFKA_AUTO_CREATE_TOPICS_ENABLE')).toBe('false');
    expect(environment.get('KAFKA_PROCESS_ROLES')).toBe('broker,controller');
  });

  describe.each(SERVICES.map((definition) => [definition.name, definition] as const))(
    '%s',
    (name: string, definition: ServiceDefinition) => {
      const where = `services.${name}`;
      const environment = (): Map<string, string | undefined> =>
        keyValues(composeService(name).environment, `${where}.environment`);

      /** The service's configuration as the container would load it (compose defaults interpolated). */
      const containerConfig = (): CommonConfig => {
        const env: NodeJS.ProcessEnv = {};
        for (const [key, value] of environment()) if (value !== undefined) env[key] = interpolateDefaults(value);
        return loadConfig(definition.configClass, env);
      };

      it(`is built from ${DOCKERFILE} with SERVICE=${name}`, () => {
        const build = buildOf(composeService(name), where);
        expect(build.dockerfile).toBe(DOCKERFILE);
        expect(build.args.get('SERVICE')).toBe(name);
      });

      it('sets only environment variables its config class reads', () => {
        const known = new Set(configVariableNames(definition.configClass));
        const unknown = [...environment().keys()].filter((key) => !known.has(key));
        expect(unknown).toEqual([]);
      });

      it('points DATABASE_URL at the postgres service and KAFKA_BROKERS at the kafka service', () => {
        const env = environment();
        const databaseUrl = env.get('DATABASE_URL');
        const brokers = env.get('KAFKA_BROKERS');
        expect(databaseUrl).toBeDefined();
        expect(brokers).toBeDefined();
        expect(new URL(interpolateDefaults(databaseUrl ?? '')).hostname).toBe('postgres');
        const brokerHosts = interpolateDefaults(brokers ?? '')
          .split(',')
          .map((broker) => broker.trim().split(':')[0]);
        expect(new Set(brokerHosts)).toEqual(new Set(['kafka']));
      });

      it('sets values its config accepts', () => {
        expect(containerConfig).not.toThrow();
      });

      it('can be scaled: no container_name and no fixed host port', () => {
        const service = composeService(name);
        expect(service.container_name).toBeUndefined();
        const fixed = portEntries(service.ports, `${where}.ports`)
          .filter(isFixedHostPort)
          .map((port) => port.text);
        expect(fixed).toEqual([]);
      });

      it('publishes (if anything) the port the service listens on', () => {
        const httpPort = String(containerConfig().HTTP_PORT);
        for (const port of portEntries(composeService(name).ports, `${where}.ports`))
          expect(port.target).toBe(httpPort);
      });

      it('is healthy only when /health/ready answers', () => {
        expect(healthcheckCommand(composeService(name), where)).toContain('/health/ready');
      });

      it('starts once kafka and postgres are healthy', () => {
        const dependsOn = dependencies(composeService(name), where);
        for (const infrastructure of INFRASTRUCTURE) expect(dependsOn.get(infrastructure)).toBe('service_healthy');
      });

      it('restarts unless stopped, and is given longer than its shutdown timeout to stop', () => {
        const service = composeService(name);
        expect(service.restart).toBe('unless-stopped');
        const grace = durationMs(asScalarText(service.stop_grace_period, `${where}.stop_grace_period`));
        expect(grace).toBeGreaterThan(containerConfig().SHUTDOWN_TIMEOUT_MS);
      });
    },
  );
});

// ---- deploy/Dockerfile -------------------------------------------------------------------------------------

describe(DOCKERFILE, () => {
  const stages = dockerfileStages(readFileSync(join(ROOT, DOCKERFILE), 'utf8'));
  const finalStage = stages.at(-1) ?? [];
  const all = stages.flat();
  const argsOf = (instructions: readonly Instruction[], keyword: string): string[] =>
    instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

  it('is a multi-stage build on a pinned Node 24 slim image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const images = argsOf(all, 'FROM').map((from) => from.split(/\s+/)[0] ?? '');
    const stageNames = new Set(argsOf(all, 'FROM').map((from) => /\sAS\s+(\S+)$/i.exec(from)?.[1]));
    const external = images.filter((image) => !stageNames.has(image));
    expect(external.length).toBeGreaterThan(0);
    for (const image of external) expect(image).toMatch(/^node:24\.\d+(\.\d+)?-bookworm-slim$/);
  });

  it('installs from the lock file, builds with `npm run build` and drops dev dependencies', () => {
    const runs = argsOf(all, 'RUN').join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
    expect(runs).toMatch(/\bnpm prune --omit=dev\b/);
  });

  it('runs the final stage as a non-root user', () => {
    const users = argsOf(finalStage, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = (users.at(-1) ?? '').split(':')[0];
    expect(['', 'root', '0']).not.toContain(user);
  });

  it('checks liveness in the final stage', () => {
    const healthchecks = argsOf(finalStage, 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toContain('/health/live');
    expect(healthchecks[0]).not.toMatch(/^NONE$/i);
  });

  it('runs the service named by the SERVICE build argument', () => {
    expect(argsOf(finalStage, 'ARG')).toContain('SERVICE');
    expect(argsOf(finalStage, 'ENV').join(' ')).toMatch(/\bSERVICE=\$\{SERVICE\}/);
    expect(argsOf(finalStage, 'CMD').join(' ')).toContain('dist/services/${SERVICE}/src/main.js');
    expect(argsOf(finalStage, 'STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('keeps local build output and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});
