import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { PreparedRequest } from './signed-requests';

export interface Target {
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

/** What became of one request: an HTTP status (and whether a 202 was a duplicate), or a client-side error. */
export type Outcome = { status: number; duplicate: boolean } | { error: string };

const REQUEST_TIMEOUT_MS = 10_000;

/** What sends the requests: Node's own HTTP client, or the leaner raw one (raw-http-client.ts). Never rejects. */
export interface LoadClient {
  send(prepared: PreparedRequest): Promise<Outcome>;
  destroy(): void;
}

/** Node's `http.request` over keep-alive connections, at most `maxSockets`; more requests wait in the agent. */
export class NodeHttpClient implements LoadClient {
  private readonly agent: Agent;

  constructor(
    private readonly target: Target,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  }

  send(prepared: PreparedRequest): Promise<Outcome> {
    return post(this.agent, this.target, prepared);
  }

  destroy(): void {
    this.agent.destroy();
  }
}

/** Several intake replicas behind one client: each request goes to the next replica in turn. */
export class RoundRobinClient implements LoadClient {
  private next = 0;

  constructor(private readonly clients: readonly LoadClient[]) {}

  send(prepared: PreparedRequest): Promise<Outcome> {
    const client = this.clients[this.next]!;
    this.next = (this.next + 1) % this.clients.length;
    return client.send(prepared);
  }

  destroy(): void {
    for (const client of this.clients) client.destroy();
  }
}

/** Sends one prepared request; never rejects. The body is read in full (a 202 says whether it was a duplicate). */
function post(agent: Agent, target: Target, prepared: PreparedRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const req = request(
      { agent, host: target.host, port: target.port, path: target.path, method: 'POST', headers: prepared.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          settle({
            status: res.statusCode ?? 0,
            duplicate: res.statusCode === 202 && text.includes('"duplicate":true'),
          }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    req.end(prepared.body);
  });
}

/** Counts and latencies of one phase. Latencies are in ms, from the moment a request was due to its response. */
export class PhaseRecorder {
  readonly startedAt = performance.now();
  finishedAt: number | undefined;
  sent = 0;
  completed = 0;
  accepted = 0;
  duplicates = 0;
  readonly outcomes = new Map<string, number>();
  private readonly latencies: number[] = [];
  /** Open loop: how late the client sent each request after its scheduled time (the client's own lag). */
  private readonly sendLags: number[] = [];

  record(outcome: Outcome, latencyMs: number): void {
    this.completed += 1;
    const label = 'error' in outcome ? `error ${outcome.error}` : String(outcome.status);
    this.outcomes.set(label, (this.outcomes.get(label) ?? 0) + 1);
    if ('status' in outcome && outcome.status === 202) {
      if (outcome.duplicate) this.duplicates += 1;
      else this.accepted += 1;
    }
    // Every answer counts in the latency, errors too: a fast 500 must not make the figures look better unnoticed.
    this.latencies.push(latencyMs);
  }

  recordSendLag(lagMs: number): void {
    this.sendLags.push(lagMs);
  }

  get inFlight(): number {
    return this.sent - this.completed;
  }

  get elapsedMs(): number {
    return (this.finishedAt ?? performance.now()) - this.startedAt;
  }

  latencySamples(): Float64Array {
    return Float64Array.from(this.latencies);
  }

  sendLagSamples(): Float64Array {
    return Float64Array.from(this.sendLags);
  }
}

export interface ClosedLoopOptions {
  readonly client: LoadClient;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly nextRequest: () => PreparedRequest;
  readonly cancelled: () => boolean;
}

/**
 * Maximum throughput: `concurrency` workers, each sending its next request as soon as its previous one is answered,
 * until the time is up. Latency here is per request (send to answer); throughput is the figure that counts.
 */
export async function runClosedLoop(options: ClosedLoopOptions, recorder: PhaseRecorder): Promise<void> {
  const end = recorder.startedAt + options.durationMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < end && !options.cancelled()) {
      const prepared = options.nextRequest();
      const sentAt = performance.now();
      recorder.sent += 1;
      const outcome = await options.client.send(prepared);
      recorder.record(outcome, performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  recorder.finishedAt = performance.now();
}

export interface OpenLoopOptions {
  readonly client: LoadClient;
  readonly ratePerSecond: number;
  readonly requests: readonly PreparedRequest[];
  readonly cancelled: () => boolean;
}

/**
 * A fixed arrival rate: request i is due at start + i / rate whatever happened to the ones before (no coordinated
 * omission), and its latency is measured from that due time, so time spent queued in the client counts too.
 */
export async function runOpenLoop(options: OpenLoopOptions, recorder: PhaseRecorder): Promise<void> {
  const interval = 1000 / options.ratePerSecond;
  const start = performance.now() + 10;
  const total = options.requests.length;
  let next = 0;
  let resolveDrained: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => (resolveDrained = resolve));
  const finish = (): void => {
    if (recorder.inFlight === 0 && (next >= total || options.cancelled())) resolveDrained();
  };
  const tick = (): void => {
    const now = performance.now();
    while (next < total && start + next * interval <= now && !options.cancelled()) {
      const due = start + next * interval;
      recorder.recordSendLag(now - due);
      recorder.sent += 1;
      void options.client.send(options.requests[next]!).then((outcome) => {
        recorder.record(outcome, performance.now() - due);
        finish();
      });
      next += 1;
    }
    if (next < total && !options.cancelled()) setTimeout(tick, Math.max(0, start + next * interval - now));
    else finish();
  };
  tick();
  await drained;
  recorder.finishedAt = performance.now();
}
