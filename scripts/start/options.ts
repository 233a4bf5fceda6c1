export interface StartOptions {
  simulator: boolean;
  petitions: number;
  help: boolean;
}

export const USAGE = `Usage: npm start [-- OPTIONS]     (or: node dist/scripts/start.js [OPTIONS] after npm run build)

Runs the whole system locally: Kafka (started if none answers), a check of PostgreSQL, the five services, and a
simulator that posts a few petitions and plays the departments until they are published. Ctrl-C stops everything.

Options:
  --no-simulator    start the services only (same as SIMULATOR=off)
  --petitions N     how many petitions the simulator posts (default 5; 0 = play the departments only)
  --help            show this text

Environment:
  KAFKA_BROKERS     use this Kafka (host:port,...) and start none; unset: 127.0.0.1:\${KAFKA_PORT:-9092}, started if
                    nothing answers there (deploy/kafka/kafka.sh) and stopped again on exit
  DATABASE_URL      PostgreSQL for every service (default postgres://postgres@127.0.0.1:5432/postgres)
  MIGRATIONS_RUN    each service migrates its own schema at start unless this is false
  LOG_LEVEL         the services' log level (default log)
  NO_COLOR          plain output without colours
`;

export class UsageError extends Error {}

function petitionCount(value: string | undefined): number {
  const count = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || count > 1000) {
    throw new UsageError(`--petitions needs a whole number from 0 to 1000 (got ${JSON.stringify(value ?? '')})`);
  }
  return count;
}

/** Parses the command line; `SIMULATOR=off` in the environment counts as `--no-simulator`. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  const options: StartOptions = {
    simulator: !/^(off|false|0|no)$/i.test(env.SIMULATOR ?? ''),
    petitions: 5,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--no-simulator') options.simulator = false;
    else if (arg === '--petitions') options.petitions = petitionCount(argv[++i]);
    else if (arg.startsWith('--petitions=')) options.petitions = petitionCount(arg.slice('--petitions='.length));
    else throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
  }
  return options;
}
