import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeLines, REPO_ROOT, stripAnsi, type LineSink } from './output';

export interface ServiceSpec {
  name: string;
  port: number;
  colour: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit(exit: ExitInfo): string {
  if (exit.signal) return `killed by ${exit.signal}`;
  return `exit code ${String(exit.code)}`;
}

export function exitedCleanly(exit: ExitInfo): boolean {
  return exit.signal === null && exit.code === 0;
}

const KEPT_LINES = 40;

/** One service from the build (dist/services/<name>/src/main.js) as a child process with its output relayed. */
export class ServiceChild {
  /** Resolves once the process has exited and its output is fully relayed. */
  readonly exited: Promise<ExitInfo>;
  private exit: ExitInfo | undefined;
  private readonly recent: string[] = [];
  /** The last answer of /health/ready that was not 200: it names the dependency that is down. */
  lastHealthProblem = 'no answer yet';

  private constructor(
    readonly spec: ServiceSpec,
    private readonly child: ChildProcess,
    private readonly sink: LineSink,
    private readonly logFile: WriteStream,
  ) {
    const keep = (stream: 'out' | 'err') => (line: string) => {
      this.recent.push(stripAnsi(line));
      if (this.recent.length > KEPT_LINES) this.recent.shift();
      sink(line, stream);
    };
    pipeLines(child.stdout, keep('out'));
    pipeLines(child.stderr, keep('err'));
    child.on('error', (error) => sink(`cannot start: ${error.message}`, 'err'));
    this.exited = once(child, 'close').then(([code, signal]) => {
      this.exit = { code: code as number | null, signal: signal as NodeJS.Signals | null };
      logFile.end();
      return this.exit;
    });
  }

  static spawn(spec: ServiceSpec, env: NodeJS.ProcessEnv, sink: LineSink, logFile: WriteStream): ServiceChild {
    const main = join(REPO_ROOT, 'dist', 'services', spec.name, 'src', 'main.js');
    // kafkajs 2.2.4 schedules a negative timeout on every connection, which Node 24 reports (harmless; the same
    // warning in every service would only bury the useful lines).
    const child = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', main], {
      cwd: REPO_ROOT,
      env: { ...env, HTTP_PORT: String(spec.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceChild(spec, child, sink, logFile);
  }

  get name(): string {
    return this.spec.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exitInfo(): ExitInfo | undefined {
    return this.exit;
  }

  lastLines(count = 20): string[] {
    return this.recent.slice(-count);
  }

  /** One readiness probe: true on 200 from /health/ready. */
  async isReady(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(4000) });
      if (response.status === 200) return true;
      this.lastHealthProblem = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      this.lastHealthProblem = (error as Error).message;
    }
    return false;
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves with how it exited. */
  async stop(graceMs: number): Promise<ExitInfo> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.sink(`no exit ${graceMs / 1000} s after SIGTERM: sending SIGKILL`, 'err');
      this.child.kill('SIGKILL');
    }, graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}
