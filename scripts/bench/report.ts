import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuUsage } from './cpu-usage';
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
  writeFileSync(files.svg, percentileSvg(report.phases.filter((phase) => phase.kind !== 'warm-up')));
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
    `![latency percentiles](${svgName})`,
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

const PERCENTILES = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
] as const;
const COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948'];
const TARGET_MS = 50;

/**
 * Horizontal bars on a logarithmic axis (1 ms to the next power of ten above the slowest value, so that a saturated
 * phase's seconds and a healthy phase's milliseconds both stay readable): one group per percentile, one bar per
 * phase, the 50 ms target as a dashed line.
 */
export function percentileSvg(phases: readonly PhaseReport[]): string {
  const width = 760;
  const left = 70;
  const right = 170;
  const barHeight = 14;
  const groupGap = 14;
  const top = 40;
  const groupHeight = phases.length * barHeight + groupGap;
  const axisBottom = top + PERCENTILES.length * groupHeight - groupGap;
  const height = axisBottom + 44;
  const largest = Math.max(TARGET_MS, ...phases.flatMap((phase) => PERCENTILES.map(([key]) => phase.latencyMs[key])));
  const decades = Math.max(1, Math.ceil(Math.log10(largest)));
  const x = (ms: number): number => left + (Math.log10(Math.max(1, ms)) / decades) * (width - left - right);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="20" font-size="13">intake POST /petitions latency by percentile (ms, log scale) · 2 shared cores</text>`,
  ];
  for (let decade = 0; decade <= decades; decade++) {
    const gx = x(10 ** decade).toFixed(1);
    parts.push(
      `<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${axisBottom}" stroke="#ddd"/>`,
      `<text x="${gx}" y="${axisBottom + 14}" text-anchor="middle" fill="#666">${10 ** decade}</text>`,
    );
  }
  PERCENTILES.forEach(([key, label], group) => {
    const y0 = top + group * groupHeight;
    parts.push(
      `<text x="${left - 8}" y="${y0 + (phases.length * barHeight) / 2 + 4}" text-anchor="end">${label}</text>`,
    );
    phases.forEach((phase, index) => {
      const value = phase.latencyMs[key];
      const y = y0 + index * barHeight;
      const end = Math.max(left + 1, x(value));
      parts.push(
        `<rect x="${left}" y="${y}" width="${(end - left).toFixed(1)}" height="${barHeight - 2}" fill="${COLOURS[index % COLOURS.length]}"/>`,
        `<text x="${(end + 4).toFixed(1)}" y="${y + barHeight - 4}">${value}</text>`,
      );
    });
  });
  const targetX = x(TARGET_MS).toFixed(1);
  parts.push(
    `<line x1="${targetX}" y1="${top - 6}" x2="${targetX}" y2="${axisBottom}" stroke="#c00" stroke-dasharray="4 3"/>`,
    `<text x="${targetX}" y="${axisBottom + 30}" fill="#c00" text-anchor="middle">target p99 ${TARGET_MS} ms at 1,000/s</text>`,
  );
  phases.forEach((phase, index) => {
    const y = top + index * 18;
    parts.push(
      `<rect x="${width - right + 10}" y="${y}" width="12" height="12" fill="${COLOURS[index % COLOURS.length]}"/>`,
      `<text x="${width - right + 28}" y="${y + 10}">${escapeXml(phase.name)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}
