import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Topics } from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { brokerList } from '../start/kafka';
import { pipeLines, stripAnsi } from '../start/output';

const STOP_GRACE_MS = 40_000;
/** The line event-loop-probe.js writes in intake once a second (not imported: importing it would start it here). */
const PROBE_LINE = /^bench-probe elu=([\d.]+) delay_p50_ms=([\d.]+) delay_p99_ms=([\d.]+)$/;

/** Intake's event loop during one second: utilisation (0–1) and how late its timers ran (ms). */
export interface EventLoopSample {
  readonly at: number;
  readonly utilisation: number;
  readonly delayP50Ms: number;
  readonly delayP99Ms: number;
}
const READY_TIMEOUT_MS = 120_000;

/** A database of the benchmark's own, created for one run and dropped afterwards (WITH FORCE: even if intake hangs). */
export class BenchDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly adminUrl: string,
  ) {}

  static async create(adminUrl: string): Promise<BenchDatabase> {
    const name = `bench_intake_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new BenchDatabase(name, url.toString(), adminUrl);
  }

  /** Committed outbox rows the relay has not published yet. */
  async outboxBacklog(): Promise<number> {
    const rows = await withClient(this.url, (client) =>
      client.query<{ n: string }>('SELECT count(*) AS n FROM intake.outbox_messages WHERE sent_at IS NULL'),
    );
    return Number(rows.rows[0]?.n ?? 0);
  }

  async petitionCount(): Promise<number> {
    const rows = await withClient(this.url, (client) =>
      client.query<{ n: string }>('SELECT count(*) AS n FROM intake.petitions'),
    );
    return Number(rows.rows[0]?.n ?? 0);
  }

  async drop(): Promise<void> {
    await withClient(this.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`));
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'bench-intake' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Intake's fresh consumer groups would read their topics from the beginning (channel.inbound, and for its tracking
 * projection routing, department and deadline events): every message other runs left there would be processed during
 * the measurement. Start the benchmark's groups at the topics' ends. Every fixed topic, not only those intake consumes
 * today (a group it never uses costs nothing), so that a new consumer cannot slip in unnoticed.
 */
export async function startGroupsAtEnd(brokers: string, groupPrefix: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-intake', brokers: brokerList(brokers), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of Object.values(Topics).filter((name) => existing.has(name))) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: consumerGroupId(groupPrefix, 'intake', topic),
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

export interface IntakeProcessOptions {
  readonly mainJs: string;
  readonly port: number;
  readonly env: Readonly<Record<string, string>>;
  readonly nodeArgs: readonly string[];
  readonly logPath: string;
}

/** The built intake (`<dist>/services/intake/src/main.js`) as a child process; its output goes to a log file. */
export class IntakeProcess {
  readonly exited: Promise<number | null>;
  private readonly recent: string[] = [];
  /** Warning and error lines since the last `takeProblemLines()`. */
  private problems: string[] = [];
  /** Intake's own "ready: http://…" line: a 200 on the port alone could come from another process. */
  private saidReady = false;
  private readonly eventLoop: EventLoopSample[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly log: WriteStream,
  ) {
    const keep = (line: string): void => {
      const plain = stripAnsi(line);
      const probe = PROBE_LINE.exec(plain);
      if (probe) {
        const [, utilisation, p50, p99] = probe.map(Number) as [number, number, number, number];
        this.eventLoop.push({ at: Date.now(), utilisation, delayP50Ms: p50, delayP99Ms: p99 });
        return;
      }
      log.write(`${plain}\n`);
      this.recent.push(plain);
      if (this.recent.length > 40) this.recent.shift();
      if (/\b(WARN|ERROR|FATAL)\b/.test(plain)) this.problems.push(plain);
      if (/\bready: http:\/\//.test(plain)) this.saidReady = true;
    };
    pipeLines(child.stdout, keep);
    pipeLines(child.stderr, keep);
    this.exited = once(child, 'close').then(([code]) => {
      log.end();
      return code as number | null;
    });
  }

  static spawn(options: IntakeProcessOptions): IntakeProcess {
    const child = spawn(process.execPath, [...options.nodeArgs, options.mainJs], {
      env: { ...process.env, ...options.env, HTTP_PORT: String(options.port), HTTP_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new IntakeProcess(child, options.port, createWriteStream(options.logPath, { flags: 'a' }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  lastLines(): string {
    return this.recent.join('\n');
  }

  /** The event-loop samples intake reported since `sinceMs` (epoch ms); none without the probe. */
  eventLoopSince(sinceMs: number): EventLoopSample[] {
    return this.eventLoop.filter((sample) => sample.at > sinceMs);
  }

  takeProblemLines(): string[] {
    const taken = this.problems;
    this.problems = [];
    return taken;
  }

  async waitReady(cancelled: () => boolean): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline && !cancelled()) {
      if (!this.running) throw new Error(`intake exited during start-up:\n${this.lastLines()}`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/health/ready`);
        if (response.status === 200 && this.saidReady) return;
      } catch {
        // Not listening yet: intake opens its port after migrations, topics and consumers.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (cancelled()) throw new Error('cancelled while intake was starting');
    throw new Error(`intake not ready after ${READY_TIMEOUT_MS / 1000} s:\n${this.lastLines()}`);
  }

  /** SIGTERM (intake flushes its outbox and stops cleanly), SIGKILL after the grace period; the exit code. */
  async stop(graceMs = STOP_GRACE_MS): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

export function intakeMainJs(distRoot: string): string {
  return join(distRoot, 'services', 'intake', 'src', 'main.js');
}

export function eventLoopProbeJs(distRoot: string): string {
  return join(distRoot, 'scripts', 'bench', 'event-loop-probe.js');
}
