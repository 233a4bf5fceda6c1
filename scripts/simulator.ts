/**
 * Simulator for local runs: posts a few realistic petitions to intake, plays the departments that receive the work
 * orders, and follows each petition until disclosure publishes it. Used by `npm start`; also runs on its own against
 * services that are already up:  node dist/scripts/simulator.js [--petitions N]
 * (INTAKE_URL, DISCLOSURE_URL and KAFKA_BROKERS default to the local ports). It signs its requests with the demo
 * channel credentials, so the intake it posts to must accept them (intake's default INTAKE_CHANNEL_CREDENTIALS).
 */
// Decorators of the contracts and services read metadata as their modules load: this comes first.
import 'reflect-metadata';
import { Simulation, type RunningSimulator, type SimulatorOptions } from './start/simulation';

export type { PetitionOutcome, RunningSimulator, SimulationReport, SimulatorOptions } from './start/simulation';

function defaultLog(line: string): void {
  process.stdout.write(`[simulator] ${line}\n`);
}

/**
 * Starts the departments first (so that no work order goes unanswered), then posts the petitions; resolves once
 * they are posted, while `finished` follows them to publication.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const log = options.log ?? defaultLog;
  const simulation = new Simulation(options, log);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= simulation.stop());
  try {
    await simulation.startDepartments();
    await simulation.postAll(options.petitions ?? 5);
  } catch (error) {
    await stop();
    throw error;
  }
  const finished = simulation.isStopped
    ? Promise.resolve(simulation.report())
    : simulation.followToPublication(options.publishTimeoutMs ?? 120_000);
  return { finished, stop };
}

/** Stand-alone: against services already running; Ctrl-C stops. */
async function main(): Promise<void> {
  const countArg = process.argv.indexOf('--petitions');
  const petitions = countArg >= 0 ? Number(process.argv[countArg + 1]) : 5;
  if (!Number.isInteger(petitions) || petitions < 0) throw new Error('usage: simulator [--petitions N]');
  const simulator = await startSimulator({
    intakeUrl: process.env.INTAKE_URL ?? 'http://127.0.0.1:3001',
    disclosureUrl: process.env.DISCLOSURE_URL ?? 'http://127.0.0.1:3005',
    brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    petitions,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void simulator.stop().then(() => process.exit(0)));
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`simulator: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
