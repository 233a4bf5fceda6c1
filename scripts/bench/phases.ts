import type { CpuMeter, CpuUsage } from './cpu-usage';
import {
  NodeHttpClient,
  PhaseRecorder,
  RoundRobinClient,
  runClosedLoop,
  runOpenLoop,
  type LoadClient,
  type Target,
} from './http-load';
import type { BenchDatabase, EventLoopSample, IntakeProcess } from './intake-under-test';
import { histogram, summarise } from './latency-stats';
import { RawHttpClient, wireBytes } from './raw-http-client';
import type { PhaseReport } from './report';
import type { PreparedRequest, SignedRequestFactory } from './signed-requests';

const DRAIN_TIMEOUT_MS = 120_000;
/** Open loop: connections the client may open; far more than 1,000/s needs unless intake stalls. */
const OPEN_LOOP_MAX_CONNECTIONS = 512;

export type ClientKind = 'raw' | 'http';

export interface PhaseContext {
  /** One per intake replica; the load is spread over them in turn. */
  readonly targets: readonly Target[];
  readonly client: ClientKind;
  readonly requests: SignedRequestFactory;
  readonly intakes: readonly IntakeProcess[];
  readonly database: BenchDatabase;
  readonly meter: CpuMeter;
  readonly say: (line: string) => void;
  readonly cancelled: () => boolean;
}

function newClient(context: PhaseContext, maxConnections: number): LoadClient {
  const perTarget = Math.max(1, Math.ceil(maxConnections / context.targets.length));
  const clients = context.targets.map((target) =>
    context.client === 'raw' ? new RawHttpClient(target, perTarget) : new NodeHttpClient(target, perTarget),
  );
  return clients.length === 1 ? clients[0]! : new RoundRobinClient(clients);
}

/**
 * Signed now, and for the raw client already in wire format: nothing per request is left for the timed window. The
 * Host header names the first replica: intake does not look at it, so one set of bytes serves every replica.
 */
function presign(context: PhaseContext, count: number): PreparedRequest[] {
  const prepared = context.requests.prepare(count);
  if (context.client !== 'raw') return prepared;
  return prepared.map((request) => ({ ...request, wire: wireBytes(context.targets[0]!, request) }));
}

/** Intake's event loops, every replica's samples together. */
function eventLoopSamples(context: PhaseContext, sinceMs: number): EventLoopSample[] {
  return context.intakes.flatMap((intake) => intake.eventLoopSince(sinceMs));
}

function takeProblemLines(context: PhaseContext): string[] {
  return context.intakes.flatMap((intake) => intake.takeProblemLines());
}

function eventLoopSummary(samples: readonly EventLoopSample[]): PhaseReport['intakeEventLoop'] {
  if (samples.length === 0) return undefined;
  const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);
  const p50s = sorted(samples.map((sample) => sample.delayP50Ms));
  return {
    utilisation: Math.round((samples.reduce((sum, s) => sum + s.utilisation, 0) / samples.length) * 100) / 100,
    delayP50Ms: p50s[Math.floor(p50s.length / 2)]!,
    delayP99Ms: Math.max(...samples.map((sample) => sample.delayP99Ms)),
  };
}

/** Core-seconds per second over petitions per second: CPU milliseconds per petition. */
function cpuPerAccepted(cpu: CpuUsage, acceptedPerSecond: number): { intake: number; system: number } {
  const group = (name: string): number => cpu.byGroup[name] ?? 0;
  const system = group('intake') + group('postgresql') + group('kafka (java)') + group('redis (rate limits)');
  const perPetition = (cores: number): number => Math.round((cores / acceptedPerSecond) * 1000 * 100) / 100;
  return { intake: perPetition(group('intake')), system: perPetition(system) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A line on stderr every second while a phase runs: where it is, and the rate so far. */
function progress(context: PhaseContext, label: string, recorder: PhaseRecorder, durationS: number): () => void {
  const timer = setInterval(() => {
    const elapsedS = recorder.elapsedMs / 1000;
    const rate = recorder.accepted / Math.max(elapsedS, 0.001);
    const errors = recorder.completed - recorder.accepted;
    const loops = context.intakes.map((intake) => intake.eventLoopSince(Date.now() - 1500).at(-1));
    const busy = loops.flatMap((loop) => (loop ? [`${Math.round(loop.utilisation * 100)}%`] : []));
    context.say(
      `${label} · ${elapsedS.toFixed(1)}/${durationS} s · accepted ${Math.round(rate)}/s so far · ` +
        `answered ${recorder.completed} · errors ${errors} · in flight ${recorder.inFlight}` +
        (busy.length > 0 ? ` · intake event loop ${busy.join(', ')} busy` : ''),
    );
  }, 1000);
  return () => clearInterval(timer);
}

/** Waits until the relay has published everything committed; seconds it took and rows left at the phase's end. */
async function drainOutbox(context: PhaseContext): Promise<{ backlogAtEnd: number; drainS: number }> {
  const started = Date.now();
  const backlogAtEnd = await context.database.outboxBacklog();
  let backlog = backlogAtEnd;
  while (backlog > 0 && Date.now() - started < DRAIN_TIMEOUT_MS && !context.cancelled()) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    backlog = await context.database.outboxBacklog();
  }
  if (backlog > 0) context.say(`outbox still holds ${backlog} rows after ${DRAIN_TIMEOUT_MS / 1000} s; going on`);
  return { backlogAtEnd, drainS: round1((Date.now() - started) / 1000) };
}

async function measured(
  context: PhaseContext,
  base: Pick<PhaseReport, 'name' | 'kind' | 'concurrency' | 'targetRatePerSecond'>,
  durationS: number,
  run: (recorder: PhaseRecorder) => Promise<void>,
  extra: () => Partial<PhaseReport> = () => ({}),
): Promise<PhaseReport> {
  takeProblemLines(context);
  const startedAtMs = Date.now();
  const before = context.meter.snapshot();
  const recorder = new PhaseRecorder();
  const stopProgress = progress(context, base.name, recorder, durationS);
  try {
    await run(recorder);
  } finally {
    stopProgress();
  }
  const cpu = context.meter.usage(before, context.meter.snapshot());
  const eventLoop = eventLoopSummary(eventLoopSamples(context, startedAtMs));
  const problems = takeProblemLines(context);
  const drain = await drainOutbox(context);
  const elapsedS = recorder.elapsedMs / 1000;
  const latencies = recorder.latencySamples();
  const report: PhaseReport = {
    ...base,
    durationS: round1(elapsedS),
    sent: recorder.sent,
    completed: recorder.completed,
    accepted: recorder.accepted,
    duplicates: recorder.duplicates,
    acceptedPerSecond: round1(recorder.accepted / elapsedS),
    outcomes: Object.fromEntries(recorder.outcomes),
    errors: recorder.completed - recorder.accepted + (recorder.sent - recorder.completed),
    latencyMs: summarise(latencies),
    latencyHistogram: histogram(latencies),
    ...(base.kind === 'open-loop' ? { sendLagMs: summarise(recorder.sendLagSamples()) } : {}),
    ...(cpu ? { cpu } : {}),
    ...(cpu && recorder.accepted > 0 ? { cpuMsPerAccepted: cpuPerAccepted(cpu, recorder.accepted / elapsedS) } : {}),
    ...(eventLoop ? { intakeEventLoop: eventLoop } : {}),
    outboxBacklogAtEnd: drain.backlogAtEnd,
    outboxDrainS: drain.drainS,
    intakeProblemLines: problems.length,
    intakeProblemSample: problems.slice(0, 10),
    ...extra(),
  };
  context.say(
    `${base.name}: ${report.acceptedPerSecond} accepted/s · p50 ${report.latencyMs.p50} ms · p99 ` +
      `${report.latencyMs.p99} ms · errors ${report.errors} · outbox ${drain.backlogAtEnd} left, drained in ${drain.drainS} s`,
  );
  return report;
}

/**
 * Closed loop for `durationS`: as many requests as `concurrency` connections carry. Requests are signed before the
 * timed window, as many as `expectedRate` suggests; should they run out, the rest are signed on the way (counted).
 */
export async function closedLoopPhase(
  context: PhaseContext,
  options: {
    name: string;
    kind: 'warm-up' | 'closed-loop';
    concurrency: number;
    durationS: number;
    expectedRate: number;
  },
): Promise<PhaseReport> {
  const presigned = presign(context, Math.ceil(options.expectedRate * options.durationS * 1.5) + 1000);
  let used = 0;
  let signedDuringPhase = 0;
  const nextRequest = (): PreparedRequest => {
    if (used < presigned.length) return presigned[used++]!;
    signedDuringPhase += 1;
    return context.requests.next();
  };
  const client = newClient(context, options.concurrency);
  try {
    return await measured(
      context,
      { name: options.name, kind: options.kind, concurrency: options.concurrency },
      options.durationS,
      (recorder) =>
        runClosedLoop(
          {
            client,
            concurrency: options.concurrency,
            durationMs: options.durationS * 1000,
            nextRequest,
            cancelled: context.cancelled,
          },
          recorder,
        ),
      () => ({ signedDuringPhase }),
    );
  } finally {
    client.destroy();
  }
}

/** Open loop at a fixed rate for `durationS`: every request signed before the timed window. */
export async function openLoopPhase(
  context: PhaseContext,
  options: { ratePerSecond: number; durationS: number },
): Promise<PhaseReport> {
  const requests = presign(context, Math.round(options.ratePerSecond * options.durationS));
  const client = newClient(context, OPEN_LOOP_MAX_CONNECTIONS);
  try {
    return await measured(
      context,
      { name: `open loop ${options.ratePerSecond}/s`, kind: 'open-loop', targetRatePerSecond: options.ratePerSecond },
      options.durationS,
      (recorder) =>
        runOpenLoop(
          {
            client,
            ratePerSecond: options.ratePerSecond,
            requests,
            cancelled: context.cancelled,
          },
          recorder,
        ),
    );
  } finally {
    client.destroy();
  }
}
