/**
 * `npm run bench:intake`: how many signed petitions intake stores per second, and how fast it answers at 500/s and
 * 1,000/s. Starts the built intake (one or more replicas) on a database of its own (dropped afterwards, even on
 * Ctrl-C), with the Kafka broker that already runs (the outbox relay publishes to it), measures, writes
 * bench/results/intake-<timestamp>.{json,md,svg} and prints the headline as the last line on stdout. Progress goes
 * to stderr. A script, not a test: its figures depend on the machine, so nothing here fails on a threshold.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { intakeService } from '../services/intake/src/definition';
import { CpuMeter } from './bench/cpu-usage';
import {
  BenchDatabase,
  eventLoopProbeJs,
  freePort,
  IntakeProcess,
  intakeMainJs,
  startGroupsAtEnd,
} from './bench/intake-under-test';
import { parseOptions, USAGE, UsageError, type BenchOptions } from './bench/options';
import { closedLoopPhase, openLoopPhase, type PhaseContext } from './bench/phases';
import { writeReport, type BenchReport, type Headline, type PhaseReport } from './bench/report';
import { SignedRequestFactory } from './bench/signed-requests';
import { brokerAnswers, localBrokerAddress } from './start/kafka';
import { DEFAULT_DATABASE_URL, redactUrl } from './start/preflight';

const DIST_ROOT = join(__dirname, '..');

function say(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** What a run holds, so that a Ctrl-C at any point undoes exactly what was done. */
interface Held {
  cancelled: boolean;
  database?: BenchDatabase;
  intakes: IntakeProcess[];
}

function onSignals(held: Held): void {
  let count = 0;
  const handle = (signal: NodeJS.Signals): void => {
    count += 1;
    held.cancelled = true;
    if (count === 1) say(`${signal}: stopping the measurement, then intake, then dropping the database`);
    else {
      say(`${signal} again: killing intake at once (the database is still dropped)`);
      for (const intake of held.intakes) intake.kill();
    }
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

/**
 * Intake's rate limits (issue #3) set out of the way, if this intake has them: one client with five keys would
 * otherwise be throttled within a second. Counters under a prefix of this run's own in the shared Redis.
 */
function rateLimitEnv(stamp: string, notes: string[]): Record<string, string> {
  const config = new intakeService.configClass() as object;
  const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(config, name);
  const env: Record<string, string> = {};
  if (has('INTAKE_RATE_LIMITS')) {
    const unlimited = { limit: 1_000_000, windowSeconds: 1 };
    env.INTAKE_RATE_LIMITS =
      process.env.BENCH_INTAKE_RATE_LIMITS ?? JSON.stringify({ 'channel-key': unlimited, source: unlimited });
    notes.push(`intake's rate limits set to ${env.INTAKE_RATE_LIMITS} (the limiter still runs on every request)`);
  }
  if (has('INTAKE_RATE_LIMIT_PREFIX')) env.INTAKE_RATE_LIMIT_PREFIX = `intake:rl:bench-${stamp.slice(0, 19)}:`;
  return env;
}

async function startIntake(held: Held, options: BenchOptions, stamp: string, env: Record<string, string>) {
  const brokers = process.env.KAFKA_BROKERS ?? localBrokerAddress();
  // Used, never started or stopped here: a broker is shared (other programs' consumers and tests may be on it), so a
  // benchmark that started one would pull it away from them when it ends.
  if (!(await brokerAnswers(brokers))) {
    throw new Error(`no Kafka broker answers on ${brokers}: start one (npm run kafka:start) or set KAFKA_BROKERS`);
  }
  say(`Kafka answers on ${brokers}`);
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  held.database = await BenchDatabase.create(adminUrl);
  say(`database ${held.database.name} created on ${redactUrl(adminUrl)}`);
  const groupPrefix = `bench-${stamp}-${randomBytes(3).toString('hex')}.`;
  await startGroupsAtEnd(brokers, groupPrefix);
  mkdirSync(join(process.cwd(), '.local', 'logs'), { recursive: true });
  const logPaths: string[] = [];
  // One at a time: the first runs the migrations, and replicas starting together would only take turns at them.
  for (let replica = 1; replica <= options.replicas; replica++) {
    const port = await freePort();
    const logPath = join(process.cwd(), '.local', 'logs', `bench-intake-${stamp}-${replica}.log`);
    const intake = IntakeProcess.spawn({
      mainJs: intakeMainJs(DIST_ROOT),
      port,
      nodeArgs: [
        '--disable-warning=TimeoutNegativeWarning',
        '--require',
        eventLoopProbeJs(DIST_ROOT),
        ...options.intakeNodeArgs,
      ],
      logPath,
      env: {
        ...env,
        DATABASE_URL: held.database.url,
        KAFKA_BROKERS: brokers,
        KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
      },
    });
    held.intakes.push(intake);
    logPaths.push(logPath);
    say(`intake ${replica}/${options.replicas} starting on 127.0.0.1:${port} (pid ${intake.pid}, log ${logPath})`);
    await intake.waitReady(() => held.cancelled);
  }
  say(`intake ready (${options.replicas} replica${options.replicas === 1 ? '' : 's'})`);
  return { brokers, groupPrefix, logPaths };
}

function headlineOf(phases: readonly PhaseReport[]): Headline {
  const closed = phases.filter((phase) => phase.kind === 'closed-loop');
  const latency: Headline['latency_ms'] = {};
  for (const phase of phases.filter((p) => p.kind === 'open-loop')) {
    latency[`at_${phase.targetRatePerSecond}`] = { p50: phase.latencyMs.p50, p99: phase.latencyMs.p99 };
  }
  return {
    accepted_per_s: Math.max(0, ...closed.map((phase) => phase.acceptedPerSecond)),
    latency_ms: latency,
  };
}

async function measure(context: PhaseContext, options: BenchOptions): Promise<PhaseReport[]> {
  const phases: PhaseReport[] = [];
  if (context.cancelled()) return phases;
  const warmup = await closedLoopPhase(context, {
    name: 'warm-up',
    kind: 'warm-up',
    concurrency: options.concurrency[0]!,
    durationS: options.warmupS,
    expectedRate: 3000,
  });
  phases.push(warmup);
  for (const concurrency of options.concurrency) {
    if (context.cancelled()) return phases;
    const expectedRate = Math.max(warmup.acceptedPerSecond, ...phases.map((phase) => phase.acceptedPerSecond));
    phases.push(
      await closedLoopPhase(context, {
        name: `closed loop ${concurrency} conn.`,
        kind: 'closed-loop',
        concurrency,
        durationS: options.durationS,
        expectedRate,
      }),
    );
  }
  for (const ratePerSecond of options.rates) {
    if (context.cancelled()) return phases;
    phases.push(await openLoopPhase(context, { ratePerSecond, durationS: options.durationS }));
  }
  return phases;
}

async function run(held: Held, options: BenchOptions): Promise<void> {
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const notes: string[] = [];
  const requests = new SignedRequestFactory(`bench-${stamp}`);
  const loadAverageAtStart = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const env = {
    INTAKE_CHANNEL_CREDENTIALS: requests.credentialsJson(),
    INTAKE_PII_KEYS: JSON.stringify({ current: 'bench', keys: { bench: randomBytes(32).toString('base64') } }),
    ...rateLimitEnv(stamp, notes),
  };
  const started = await startIntake(held, options, stamp, env);
  const intakes = held.intakes;
  const database = held.database!;
  const meter = new CpuMeter(() => intakes.flatMap((intake) => (intake.pid === undefined ? [] : [intake.pid])));
  const context: PhaseContext = {
    targets: intakes.map((intake) => ({ host: '127.0.0.1', port: intake.port, path: '/petitions' })),
    client: options.client,
    requests,
    intakes,
    database,
    meter,
    say,
    cancelled: () => held.cancelled,
  };
  const phases = await measure(context, options);
  if (held.cancelled) return;
  const stored = await database.petitionCount();
  const accepted = phases.reduce((sum, phase) => sum + phase.accepted, 0);
  if (stored !== accepted) notes.push(`petitions stored (${stored}) differ from fresh 202 answers (${accepted})`);
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart,
      shared: 'intake, PostgreSQL, Kafka and the load generator share these cores with whatever else runs',
    },
    settings: {
      label: options.label,
      concurrency: options.concurrency,
      durationS: options.durationS,
      warmupS: options.warmupS,
      rates: options.rates,
      client: options.client,
      intakeNodeArgs: options.intakeNodeArgs,
      databasePoolSize: process.env.DATABASE_POOL_SIZE ?? 'intake default',
      kafkaBrokers: started.brokers,
      consumerGroupPrefix: started.groupPrefix,
      intakeReplicas: options.replicas,
      intakeLogs: started.logPaths,
      petitionsStored: stored,
      requestsSigned: requests.made,
    },
    phases,
    headline: headlineOf(phases),
    targets: { accepted_per_s: '>= 3000', p99_ms_at_1000: '<= 50' },
    notes,
  };
  const files = writeReport(options.outDir, stamp, report);
  say(`wrote ${files.json}, ${files.markdown}, ${files.svg}`);
  process.stdout.write(`${JSON.stringify(report.headline)}\n`);
}

async function cleanUp(held: Held): Promise<boolean> {
  let clean = true;
  const codes = await Promise.all(held.intakes.map((intake) => intake.stop()));
  codes.forEach((code, index) => {
    say(`intake ${index + 1} stopped (exit ${String(code)})`);
    clean &&= code === 0;
  });
  if (held.database) {
    await held.database.drop().then(
      () => say(`database ${held.database?.name} dropped`),
      (error: unknown) => {
        clean = false;
        say(`could not drop database ${held.database?.name}: ${(error as Error).message}`);
      },
    );
  }
  return clean;
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const held: Held = { cancelled: false, intakes: [] };
  onSignals(held);
  let failed = false;
  try {
    await run(held, options);
  } catch (error) {
    failed = true;
    // After a signal, whatever failed (a request, a query) failed because of the stop: say so, not the stack.
    say(held.cancelled ? `stopped: ${(error as Error).message}` : `failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    await cleanUp(held);
  }
  if (held.cancelled) return 130;
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench-intake: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
