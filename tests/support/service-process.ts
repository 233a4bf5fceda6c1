import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expectEventually } from '@petitions/testing';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcessOptions {
  env?: Record<string, string>;
  /** Wait for /health/ready before returning (default true). */
  waitReady?: boolean;
}

/** One service from the build (dist/) as a real child process, as an operator would run it. */
export class ServiceProcess {
  private output = '';
  private exit: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exit = once(child, 'exit').then(([code]) => code as number | null);
  }

  static async start(
    name: string,
    requestedPort: number,
    options: ServiceProcessOptions = {},
  ): Promise<ServiceProcess> {
    // TEST_PORT_OFFSET lets several checkouts run their suites on one machine without fighting over ports.
    const port = requestedPort + Number(process.env.TEST_PORT_OFFSET ?? 0);
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'services', name, 'src', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, HTTP_PORT: String(port), LOG_LEVEL: 'log', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(name, port, child);
    if (options.waitReady ?? true) {
      await service.waitReady().catch(async (error: unknown) => {
        await service.stop(5000); // a service that never became ready must not outlive the test
        throw error;
      });
    }
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  logs(): string {
    return this.output;
  }

  async waitReady(timeoutMs = 60000): Promise<void> {
    let exited = false;
    void this.exit.then(() => (exited = true));
    await expectEventually(
      async () => {
        if (exited) throw new Error(`${this.name} exited during start-up:\n${this.output.slice(-3000)}`);
        const response = await fetch(`${this.url}/health/ready`);
        if (response.status !== 200) throw new Error(`${this.name} not ready: ${response.status}`);
      },
      { timeoutMs, intervalMs: 250, description: `${this.name} ready` },
    );
  }

  /** Resolves with the exit code once the process has exited. */
  exited(): Promise<number | null> {
    return this.exit;
  }

  /** SIGTERM, then the exit code (SIGKILL after the grace period, reported as null). */
  async stop(graceMs = 35000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exit;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
