import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { pipeLines, REPO_ROOT, type LineSink } from './output';

const KAFKA_SCRIPT = 'deploy/kafka/kafka.sh';

/** Where deploy/kafka/kafka.sh serves when it starts a broker (it honours KAFKA_PORT too). */
export function localBrokerAddress(env: NodeJS.ProcessEnv = process.env): string {
  return `127.0.0.1:${env.KAFKA_PORT ?? '9092'}`;
}

export function brokerList(brokers: string): string[] {
  return brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
}

/** True when a broker answers a metadata request: an open port alone is not enough (KRaft opens it early). */
export async function brokerAnswers(brokers: string): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'npm-start',
    brokers: brokerList(brokers),
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

export interface ScriptRun {
  readonly child: ChildProcess;
  /** The script's exit code (null when a signal ended it). */
  readonly done: Promise<number | null>;
}

/** Runs `kafka.sh <command>` with its output on the sink; its own "[kafka] " prefix is dropped, the sink adds one. */
export function runKafkaScript(command: 'start' | 'stop', sink: LineSink): ScriptRun {
  const child = spawn('bash', [KAFKA_SCRIPT, command], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const relay = (stream: 'out' | 'err') => (line: string) => sink(line.replace(/^\[kafka\] /, ''), stream);
  pipeLines(child.stdout, relay('out'));
  pipeLines(child.stderr, relay('err'));
  // 'close' (not 'exit') so that the script's last lines are printed before the caller goes on.
  const done = once(child, 'close').then(([code]) => code as number | null);
  child.on('error', (error) => sink(`cannot run ${KAFKA_SCRIPT}: ${error.message}`, 'err'));
  return { child, done };
}

/**
 * kafka.sh start returns at once when its broker process already runs but may still be starting (e.g. a run that
 * was interrupted): wait until it serves clients.
 */
export async function waitForBroker(brokers: string, timeoutMs: number, cancelled: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !cancelled()) {
    if (await brokerAnswers(brokers)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

/** Second Ctrl-C: the broker this run started is killed outright (kafka.sh keeps its pid in a file). */
export function killLocalBroker(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const home = env.KAFKA_HOME_DIR ?? join(REPO_ROOT, '.local', 'kafka');
  try {
    const pid = Number(readFileSync(join(home, 'kafka.pid'), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 'SIGKILL');
    return pid;
  } catch {
    return undefined;
  }
}
