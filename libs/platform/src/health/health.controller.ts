import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';

/** Something readiness depends on (PostgreSQL, Kafka): resolves when reachable, rejects with why not. */
export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<void>;
}

export const READINESS_PROBES = Symbol('ReadinessProbes');

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

const PROBE_TIMEOUT_MS = 3000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[]) {}

  /** The process is alive and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to do work: every dependency answers. 503 with the failing ones otherwise. */
  @Get('ready')
  async ready(): Promise<HealthReport> {
    const results = await Promise.all(
      this.probes.map(async (probe) => {
        try {
          await withTimeout(probe.check(), PROBE_TIMEOUT_MS);
          return [probe.name, { status: 'up' as const }] as const;
        } catch (error) {
          return [probe.name, { status: 'down' as const, error: (error as Error).message }] as const;
        }
      }),
    );
    const report: HealthReport = {
      status: results.every(([, result]) => result.status === 'up') ? 'ok' : 'unavailable',
      checks: Object.fromEntries(results) as HealthReport['checks'],
    };
    if (report.status !== 'ok') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
