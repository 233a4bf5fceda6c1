import type { RunningSimulator } from './simulation';
import { KafkaControl } from './kafka-control';
import { Colour, openLogFile, seconds, sinkFor, type LineSink, type Printer } from './output';
import { PostgresControl } from './postgres-control';
import { preflight } from './preflight';
import { describeExit, exitedCleanly, ServiceChild, type ExitInfo, type ServiceSpec } from './service-child';

const READY_TIMEOUT_MS = 120_000;
const WAITING_NOTICE_EVERY_MS = 10_000;
/** Services stop within their SHUTDOWN_TIMEOUT_MS (30 s by default); SIGKILL only when one overruns it. */
const STOP_GRACE_MS = 35_000;
const SIMULATOR_STOP_MS = 5_000;

export interface StackSettings {
  printer: Printer;
  services: readonly ServiceSpec[];
  brokers: string;
  /** True when the operator set KAFKA_BROKERS: then this run starts and stops no broker. */
  brokersConfigured: boolean;
  /** The environment every service gets (HTTP_PORT is added per service; DATABASE_URL once PostgreSQL is settled). */
  childEnv: NodeJS.ProcessEnv;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The processes of one `npm start`: what was started, and how to stop exactly that again. */
export class Stack {
  readonly services: ServiceChild[] = [];
  readonly kafka: KafkaControl;
  readonly postgres: PostgresControl;
  private simulator: RunningSimulator | undefined;
  private stopRequested = false;
  private shuttingDown: Promise<number> | undefined;
  private readonly say: LineSink;
  private readonly startedAt = Date.now();
  private resolveStopped: (code: number) => void = () => undefined;
  /** Resolves with the run's exit code once the shutdown, whatever started it, has finished. */
  readonly stopped = new Promise<number>((resolve) => (this.resolveStopped = resolve));

  constructor(private readonly settings: StackSettings) {
    this.say = sinkFor(settings.printer, 'start', Colour.grey);
    const kafkaOutput = sinkFor(settings.printer, 'kafka', Colour.red);
    this.kafka = new KafkaControl(settings.brokers, settings.brokersConfigured, this.say, kafkaOutput);
    this.postgres = new PostgresControl(process.env, this.say, sinkFor(settings.printer, 'postgres', Colour.blue));
  }

  get stopping(): boolean {
    return this.stopRequested;
  }

  get shutdownStarted(): boolean {
    return this.shuttingDown !== undefined;
  }

  log(text: string, stream: 'out' | 'err' = 'out'): void {
    this.say(text, stream);
  }

  /** Ports first: they fail fast, before a database or a broker is started for nothing. */
  preflight(): Promise<boolean> {
    const { services, childEnv } = this.settings;
    return preflight(services, childEnv.MIGRATIONS_RUN, this.say);
  }

  /** DATABASE_URL, else the machine's own PostgreSQL, else an embedded one; the services get whichever it is. */
  async ensurePostgres(): Promise<boolean> {
    if (!(await this.postgres.ensure(() => this.stopRequested))) return false;
    this.settings.childEnv.DATABASE_URL = this.postgres.url;
    return true;
  }

  ensureKafka(): Promise<boolean> {
    return this.kafka.ensure(() => this.stopRequested);
  }

  /** Starts the five at once (each migrates its own schema) and waits until every one is ready. */
  async startServices(): Promise<boolean> {
    const started = Date.now();
    for (const spec of this.settings.services) {
      const logFile = openLogFile(spec.name);
      const service = ServiceChild.spawn(
        spec,
        this.settings.childEnv,
        sinkFor(this.settings.printer, spec.name, spec.colour, logFile),
        logFile,
      );
      this.services.push(service);
      void service.exited.then((exit) => this.onServiceExit(service, exit));
    }
    this.say(
      `started ${this.services.map((s) => `${s.name} (pid ${String(s.pid)})`).join(', ')}; waiting for /health/ready`,
    );
    return this.waitUntilReady(started);
  }

  private async waitUntilReady(started: number): Promise<boolean> {
    const pending = new Set(this.services);
    let nextNotice = started + WAITING_NOTICE_EVERY_MS;
    while (pending.size > 0) {
      if (this.stopRequested) return false;
      await Promise.all(
        [...pending].map(async (service) => {
          if (!(await service.isReady()) || this.stopRequested) return;
          pending.delete(service);
          const count = this.services.length - pending.size;
          this.say(
            `✓ ${service.name} ready on ${service.url} after ${seconds(started)} (${count}/${this.services.length})`,
          );
        }),
      );
      if (pending.size === 0) break;
      if (Date.now() - started > READY_TIMEOUT_MS) return this.reportNotReady(pending);
      if (Date.now() >= nextNotice) {
        this.say(`still waiting for ${[...pending].map((s) => s.name).join(', ')} (${seconds(started)})`);
        nextNotice += WAITING_NOTICE_EVERY_MS;
      }
      await sleep(250);
    }
    if (this.stopRequested) return false;
    this.say(
      `all ${this.services.length} services ready after ${seconds(started)} (${seconds(this.startedAt)} since npm start began)`,
    );
    return true;
  }

  private reportNotReady(pending: Set<ServiceChild>): false {
    for (const service of pending) {
      this.say(`${service.name} is not ready after ${READY_TIMEOUT_MS / 1000} s: ${service.lastHealthProblem}`, 'err');
      this.printLastLines(service);
    }
    return false;
  }

  private printLastLines(service: ServiceChild): void {
    this.say(`last lines of ${service.name} (all of them in .local/logs/${service.name}.log):`, 'err');
    for (const line of service.lastLines()) this.say(`  | ${line}`, 'err');
  }

  /** A service that exits on its own (during start-up or later) takes the whole stack down: it is not usable. */
  private onServiceExit(service: ServiceChild, exit: ExitInfo): void {
    if (this.stopRequested) return;
    this.say(`${service.name} exited on its own (${describeExit(exit)})`, 'err');
    this.printLastLines(service);
    void this.shutdown(`${service.name} exited`, true);
  }

  attachSimulator(simulator: RunningSimulator): void {
    this.simulator = simulator;
  }

  /** Stops what this run started, in reverse order; resolves with the exit code for the whole run. */
  shutdown(reason: string, failed: boolean): Promise<number> {
    this.stopRequested = true;
    this.shuttingDown ??= this.stopAll(reason, failed).then((code) => {
      this.resolveStopped(code);
      return code;
    });
    return this.shuttingDown;
  }

  private async stopAll(reason: string, failed: boolean): Promise<number> {
    this.say(`${reason}: stopping everything (Ctrl-C again to kill at once)`);
    await this.stopSimulator();
    const exits = await this.stopServices();
    const kafkaNote = await this.kafka.stop();
    const postgresNote = await this.postgres.stop();
    this.printSummary(exits, kafkaNote, postgresNote);
    const clean = exits.every(([, exit]) => exitedCleanly(exit));
    return failed || !clean ? 1 : 0;
  }

  private async stopSimulator(): Promise<void> {
    if (!this.simulator) return;
    const timeout = sleep(SIMULATOR_STOP_MS).then(() =>
      this.say('the simulator did not stop within 5 s; going on', 'err'),
    );
    await Promise.race([this.simulator.stop(), timeout]);
  }

  private async stopServices(): Promise<[string, ExitInfo][]> {
    const running = this.services.filter((service) => !service.exitInfo);
    if (running.length > 0) {
      this.say(`SIGTERM to ${running.map((s) => s.name).join(', ')} (SIGKILL after ${STOP_GRACE_MS / 1000} s)`);
    }
    const started = Date.now();
    return Promise.all(
      this.services.map(async (service): Promise<[string, ExitInfo]> => {
        const wasRunning = !service.exitInfo;
        const exit = await service.stop(STOP_GRACE_MS);
        if (wasRunning) this.say(`${service.name} stopped: ${describeExit(exit)} after ${seconds(started)}`);
        return [service.name, exit];
      }),
    );
  }

  private printSummary(exits: [string, ExitInfo][], kafkaNote: string, postgresNote: string): void {
    const width = Math.max(8, ...exits.map(([name]) => name.length));
    this.say('summary:');
    if (exits.length === 0) this.say('  no service was started');
    for (const [name, exit] of exits) {
      this.say(
        `  ${name.padEnd(width)}  ${describeExit(exit)}${exitedCleanly(exit) ? '' : '  ← see .local/logs/' + name + '.log'}`,
      );
    }
    this.say(`  ${'kafka'.padEnd(width)}  ${kafkaNote}`);
    this.say(`  ${'postgres'.padEnd(width)}  ${postgresNote}`);
  }

  /** Second signal: no more waiting. SIGKILL to the services, the kafka.sh script and a broker this run started. */
  force(): void {
    this.say('second signal: killing everything now', 'err');
    for (const service of this.services) service.kill();
    this.kafka.kill();
    this.postgres.kill();
  }
}
