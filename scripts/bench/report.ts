import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuUsage } from './cpu-usage';
import { latencyVsRateSvg } from './latency-chart';
import type { HistogramBucket, LatencySummary } from './latency-stats';

export interface PhaseReport {
  readonly name: string;
  readonly kind: 'warm-up' | 'closed-loop' | 'open-loop';
  readonly concurrency?: number;
  readonly targetRatePerSecond?: number;
  readonly durationS: number;
  readonly sent: number;
  readonly completed: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly acceptedPerSecond: number;
  /** Every answer by status ("202", "500", …) or client error ("error ECONNRESET", "error TIMEOUT"). */
  readonly outcomes: Readonly<Record<string, number>>;
  /** Answers other than a fresh 202 (non-202 statuses, duplicates, client errors). */
  readonly errors: number;
  readonly latencyMs: LatencySummary;
  readonly latencyHistogram: readonly HistogramBucket[];
  /** Open loop: how late the load generator sent requests after their due time (its own lag, not intake's). */
  readonly sendLagMs?: LatencySummary;
  /** Requests signed inside the timed window because the pre-signed ones ran out (closed loop only). */
  readonly signedDuringPhase?: number;
  readonly cpu?: CpuUsage;
  /**
   * CPU milliseconds per accepted petition: intake's (all replicas) and intake's + PostgreSQL's + Kafka's + Redis's.
   * Steadier than throughput on a shared machine, where other programs take cores away.
   */
  readonly cpuMsPerAccepted?: { readonly intake: number; readonly system: number };
  /** Intake's event loop (from the probe): mean utilisation 0–1, median and worst per-second p99 timer delay. */
  readonly intakeEventLoop?: { utilisation: number; delayP50Ms: number; delayP99Ms: number };
  readonly outboxBacklogAtEnd?: number;
  /** Seconds the relay needed after the phase to publish the rest of the outbox. */
  readonly outboxDrainS?: number;
  readonly intakeProblemLines: number;
  readonly intakeProblemSample: readonly string[];
}

export interface Headline {
  accepted_per_s: number;
  latency_ms: Record<string, { p50: number; p99: number }>;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly phases: readonly PhaseReport[];
  readonly headline: Headline;
  readonly targets: Readonly<Record<string, unknown>>;
  readonly notes: readonly string[];
}

export interface WrittenReport {
  readonly json: string;
  readonly markdown: string;
  readonly svg: string;
}

/** bench/results/intake-<timestamp>.{json,md,svg}. */
export function writeReport(directory: string, stamp: string, report: BenchReport): WrittenReport {
  mkdirSync(directory, { recursive: true });
  const base = join(directory, `intake-${stamp}`);
  const files = { json: `${base}.json`, markdown: `${base}.md`, svg: `${base}.svg` };
  writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(files.svg, latencyVsRateSvg(report.phases));
  writeFileSync(files.markdown, markdown(report, `intake-${stamp}.svg`));
  return files;
}

function markdown(report: BenchReport, svgName: string): string {
  const cores = String(report.machine.cpus);
  const rows = report.phases.map((phase) => {
    const load = phase.kind === 'open-loop' ? `${phase.targetRatePerSecond}/s` : `${phase.concurrency} conn.`;
    const cpu = phase.cpu
      ? [
          Object.entries(phase.cpu.byGroup)
            .map(([name, value]) =>
              name === 'intake' ? `intake ${value} (main thread ${phase.cpu?.intakeMainThread})` : `${name} ${value}`,
            )
            .join(', '),
          `others: ${
            Object.entries(phase.cpu.others)
              .map(([name, value]) => `${name} ${value}`)
              .join(', ') || '–'
          }`,
          `machine ${phase.cpu.machine} of ${phase.cpu.cores}`,
          ...(phase.intakeEventLoop ? [`intake event loop busy ${phase.intakeEventLoop.utilisation}`] : []),
        ].join('; ')
      : 'n/a';
    const l = phase.latencyMs;
    return (
      `| ${phase.name} | ${load} | ${phase.acceptedPerSecond} | ${l.p50} | ${l.p90} | ${l.p99} | ${l.max} | ` +
      `${phase.errors} | ${phase.outboxBacklogAtEnd ?? ''} | ` +
      `${phase.cpuMsPerAccepted ? `${phase.cpuMsPerAccepted.intake}, ${phase.cpuMsPerAccepted.system}` : 'n/a'} | ${cpu} |`
    );
  });
  const headline = JSON.stringify(report.headline);
  const label = typeof report.settings.label === 'string' ? report.settings.label : '';
  return [
    `# Intake benchmark ${report.startedAt}`,
    '',
    ...(label ? [`Measured: ${label}`, ''] : []),
    `Machine: ${cores} cores **shared by everything** (intake, PostgreSQL, Kafka, this load generator and whatever`,
    `else runs), ${String(report.machine.cpuModel)}, Node ${String(report.machine.node)}; load average at start`,
    `${String(report.machine.loadAverageAtStart)}. Every figure below is from this shared 2-core machine.`,
    '',
    `Headline: \`${headline}\``,
    '',
    '| phase | load | accepted/s | p50 ms | p90 ms | p99 ms | max ms | errors | outbox left | CPU ms/petition (intake, system) | CPU (cores) |',
    '| ----- | ---- | ---------- | ------ | ------ | ------ | ------ | ------ | ----------- | -------------------------------- | ----------- |',
    ...rows,
    '',
    `Open-loop latency is measured from each request's scheduled send time (coordinated omission avoided);`,
    'closed-loop latency from the actual send. "errors" counts every answer other than a fresh 202.',
    '',
    `![latency against arrival rate](${svgName})`,
    '',
    '## Targets',
    '',
    '```json',
    JSON.stringify(report.targets, null, 2),
    '```',
    '',
    ...(report.notes.length > 0 ? ['## Notes', '', ...report.notes.map((note) => `- ${note}`), ''] : []),
  ].join('\n');
}
