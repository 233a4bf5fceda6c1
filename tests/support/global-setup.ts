import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
// jest loads global setup outside the test runtime, where the @petitions/* aliases are not mapped.
// eslint-disable-next-line no-restricted-imports
import { expectEventually } from '../../libs/testing/src/expect-eventually';

/** Set when this jest run started the local broker; global-teardown stops only such a broker. */
export const STARTED_KAFKA_ENV = 'PETITIONS_TEST_STARTED_KAFKA';
export const REPO_ROOT = path.resolve(__dirname, '../..');
// deploy/kafka/kafka.sh listens on KAFKA_PORT (default 9092); createTestKafka uses the same default.
const LOCAL_BROKER = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;

/** True when a broker answers a metadata request (a bare TCP connect is not enough). */
async function kafkaAnswers(brokers: string): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'jest-global-setup',
    brokers: brokers.split(',').map((broker) => broker.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function checkKafka(): Promise<void> {
  const configured = process.env.KAFKA_BROKERS;
  if (configured !== undefined && configured !== '') {
    if (!(await kafkaAnswers(configured))) {
      throw new Error(`Kafka at KAFKA_BROKERS=${configured} does not answer. Start it, or unset KAFKA_BROKERS.`);
    }
    return;
  }
  if (await kafkaAnswers(LOCAL_BROKER)) return;
  console.log(`\n[global-setup] no Kafka on ${LOCAL_BROKER}: running deploy/kafka/kafka.sh start`);
  const started = spawnSync('bash', ['deploy/kafka/kafka.sh', 'start'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (started.status !== 0) {
    throw new Error(`deploy/kafka/kafka.sh start failed (exit ${String(started.status ?? started.signal)})`);
  }
  process.env[STARTED_KAFKA_ENV] = '1';
  // kafka.sh returns at once when its broker process already runs (e.g. still starting): wait until it serves.
  await expectEventually(
    async () => {
      if (!(await kafkaAnswers(LOCAL_BROKER))) throw new Error(`nothing answers on ${LOCAL_BROKER}`);
    },
    { timeoutMs: 60_000, intervalMs: 1000, description: 'Kafka after deploy/kafka/kafka.sh start' },
  );
}

async function checkPostgres(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} does not answer "select 1": ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Integration and e2e tests run the services from dist/, as an operator would: build them first (a few seconds). */
function build(): void {
  if (process.env.PETITIONS_TEST_SKIP_BUILD === '1') return;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status ?? result.signal)})`);
}

export default async function globalSetup(): Promise<void> {
  build();
  await checkPostgres(); // first: jest skips global-teardown when setup fails, which would leave a broker we started
  await checkKafka();
}
