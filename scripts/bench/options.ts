import { join, resolve } from 'node:path';

export interface BenchOptions {
  /** Closed-loop phases, one per value; the best gives accepted_per_s. */
  readonly concurrency: readonly number[];
  readonly durationS: number;
  readonly warmupS: number;
  /** Open-loop phases, one per rate (requests per second). */
  readonly rates: readonly number[];
  readonly outDir: string;
  /** What was measured, in words (e.g. the commit and its changes), kept in the results. */
  readonly label: string;
  /** `raw`: the lean keep-alive client (default); `http`: Node's http.request with a keep-alive Agent. */
  readonly client: 'raw' | 'http';
  /** Intake processes, each on its own port; requests go to them in turn (operators scale intake out too). */
  readonly replicas: number;
  /** Extra arguments for intake's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (BENCH_INTAKE_NODE_ARGS). */
  readonly intakeNodeArgs: readonly string[];
}

export const USAGE = `npm run bench:intake [-- options]

Starts the built intake (--replicas processes) on a fresh database, warms it up, then measures signed
POST /petitions: a closed loop per --concurrency value (maximum throughput) and an open loop per --rate (latency).
Kafka must already answer (KAFKA_BROKERS, default 127.0.0.1:9092): the benchmark never starts or stops a broker.

  --concurrency N[,N...]  keep-alive connections of the closed-loop phase(s)   (default 64)
  --duration S            seconds of each measured phase                       (default 20)
  --warmup S              seconds of closed-loop warm-up, not measured         (default 5)
  --rates R[,R...]        open-loop arrival rates per second                   (default 500,1000)
  --out DIR               where the results go                                 (default bench/results)
  --label TEXT            what is measured (e.g. a commit and its changes), kept in the results
  --replicas N            intake processes, each on its own port; requests     (default 2)
                          go to them in turn
  --client raw|http       raw: a lean keep-alive HTTP/1.1 client on node:net;  (default raw)
                          http: Node's http.request with a keep-alive Agent

Environment: DATABASE_ADMIN_URL (where the benchmark database is created; default DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/postgres), KAFKA_BROKERS, BENCH_INTAKE_NODE_ARGS (extra node arguments for
intake, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_INTAKE_RATE_LIMITS (INTAKE_RATE_LIMITS for intake, if it
has rate limits). Other variables (DATABASE_POOL_SIZE, ...) pass on to intake.`;

export class UsageError extends Error {}

function positiveList(flag: string, value: string | undefined): number[] {
  const numbers = (value ?? '').split(',').map((part) => Number(part.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isFinite(n) || n <= 0)) {
    throw new UsageError(`${flag} needs positive numbers, e.g. ${flag} 64 (got ${value ?? 'nothing'})`);
  }
  return numbers;
}

function positive(flag: string, value: string | undefined): number {
  const [n] = positiveList(flag, value);
  return n!;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): BenchOptions | 'help' {
  let concurrency = [64];
  let durationS = 20;
  let warmupS = 5;
  let rates = [500, 1000];
  let outDir = join(cwd, 'bench', 'results');
  let client: 'raw' | 'http' = 'raw';
  let label = '';
  let replicas = 2;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--concurrency':
        concurrency = positiveList(flag, value).map(Math.round);
        break;
      case '--duration':
        durationS = positive(flag, value);
        break;
      case '--warmup':
        warmupS = positive(flag, value);
        break;
      case '--rates':
        rates = positiveList(flag, value);
        break;
      case '--out':
        if (!value) throw new UsageError('--out needs a directory');
        outDir = resolve(cwd, value);
        break;
      case '--replicas':
        replicas = Math.round(positive(flag, value));
        break;
      case '--label':
        label = value ?? '';
        break;
      case '--client':
        if (value !== 'raw' && value !== 'http') throw new UsageError('--client is raw or http');
        client = value;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
    i += 1;
  }
  if (durationS > 240) throw new UsageError('--duration is at most 240 s: signatures are valid for ±300 s');
  const intakeNodeArgs = (env.BENCH_INTAKE_NODE_ARGS ?? '').split(/\s+/).filter((arg) => arg !== '');
  return { concurrency, durationS, warmupS, rates, outDir, label, client, replicas, intakeNodeArgs };
}
