/**
 * `npm start`: the whole system on one machine, for a newcomer and for demos.
 *   PostgreSQL (DATABASE_URL, else the machine's own, else an embedded server started here) ·
 *   Kafka (the local broker, started if nothing answers, unless KAFKA_BROKERS is set) ·
 *   the five services as child processes (prefixed output, also in .local/logs/) · the simulator · a short guide.
 * Ctrl-C stops everything this run started, in reverse order, and exits 0 when every service stopped cleanly.
 */
// Decorators of the contracts and services read metadata as their modules load: this comes first.
import 'reflect-metadata';
import { SERVICES } from './services';
import { startSimulator } from './simulator';
import { guideText } from './start/guide';
import { parseOptions, USAGE, UsageError, type StartOptions } from './start/options';
import { Colour, colourWanted, Printer, sinkFor } from './start/output';
import { localBrokerAddress } from './start/kafka';
import { redactUrl } from './start/preflight';
import type { ServiceSpec } from './start/service-child';
import { Stack } from './start/stack';

const TAG_COLOURS = [Colour.cyan, Colour.green, Colour.yellow, Colour.magenta, Colour.blue];
/** After a forced stop, exit even if something still hangs. */
const FORCED_EXIT_AFTER_MS = 5000;
const SAME_KEY_PRESS_MS = 1000;

/** Names and ports come from the services' own definitions, so that this script never disagrees with them. */
function serviceSpecs(): ServiceSpec[] {
  return SERVICES.map((definition, index) => ({
    name: definition.name,
    port: new definition.configClass().HTTP_PORT,
    colour: TAG_COLOURS[index % TAG_COLOURS.length] ?? Colour.cyan,
  }));
}

/**
 * kafkajs 2.2.4 (used here for the broker check and the simulator) schedules a negative timeout that Node 24 warns
 * about; harmless, so that one warning is filtered and every other one still printed by Node's own handler.
 */
function quietKafkajsTimeoutWarning(): void {
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning' && (warning.stack ?? '').includes('kafkajs')) return;
    for (const print of printers) print(warning);
  });
}

function optionsOrExit(): StartOptions {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/**
 * The services see the same Kafka and database as this script. HTTP_PORT is set per service; a colourless run asks
 * Nest for colourless logs too (Nest colours unless NO_COLOR is set).
 */
function childEnvironment(colour: boolean, brokers: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KAFKA_BROKERS: brokers };
  delete env.HTTP_PORT;
  if (!colour) env.NO_COLOR = '1';
  return env;
}

/**
 * First SIGINT/SIGTERM: a clean stop. A later signal while stopping (the second Ctrl-C): kill everything now.
 * One Ctrl-C can arrive twice within milliseconds (the terminal signals the whole process group, and `npm start`
 * forwards it once more), so a signal right after the first one is not taken for a second Ctrl-C.
 */
function handleSignals(stack: Stack): void {
  let firstSignalAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (!stack.shutdownStarted) {
        firstSignalAt = Date.now();
        // The exit itself happens where run() resolves, with stack.stopped.
        void stack.shutdown(`${signal} received`, false);
        return;
      }
      if (Date.now() - firstSignalAt < SAME_KEY_PRESS_MS) return;
      stack.force();
      setTimeout(() => process.exit(1), FORCED_EXIT_AFTER_MS);
    });
  }
}

async function startSimulation(
  stack: Stack,
  printer: Printer,
  options: StartOptions,
  specs: ServiceSpec[],
): Promise<void> {
  const urlOf = (name: string): string => `http://127.0.0.1:${specs.find((spec) => spec.name === name)?.port ?? 0}`;
  const log = sinkFor(printer, 'simulator', Colour.brightMagenta);
  try {
    const simulator = await startSimulator({
      intakeUrl: urlOf('intake'),
      disclosureUrl: urlOf('disclosure'),
      brokers: stack.kafka.brokers,
      petitions: options.petitions,
      log: (line) => log(line),
    });
    stack.attachSimulator(simulator);
    if (stack.stopping) await simulator.stop();
  } catch (error) {
    // The services are up and useful without it: say why and carry on.
    log(`could not start: ${(error as Error).message}; the services keep running`, 'err');
  }
}

/** Runs the start-up phases in order; any failure (or a signal) leads to the same shutdown. */
interface RunContext {
  stack: Stack;
  printer: Printer;
  options: StartOptions;
  specs: ServiceSpec[];
}

async function run({ stack, printer, options, specs }: RunContext): Promise<number> {
  const failed = (): Promise<number> => stack.shutdown('start-up failed', true);
  if (!(await stack.preflight())) return failed();
  if (stack.stopping || !(await stack.ensurePostgres())) return failed();
  if (stack.stopping || !(await stack.ensureKafka())) return failed();
  if (stack.stopping || !(await stack.startServices())) return failed();
  if (options.simulator) await startSimulation(stack, printer, options, specs);
  else stack.log('simulator off (--no-simulator or SIMULATOR=off)');
  if (stack.stopping) return stack.shutdown('stopping', false);
  const guide = guideText(printer, {
    services: specs,
    brokers: stack.kafka.brokers,
    database: redactUrl(stack.postgres.url),
    databaseEmbedded: stack.postgres.embedded,
    kafkaStartedHere: stack.kafka.startedHere,
    simulator: options.simulator,
  });
  process.stdout.write(`${guide}\n`);
  // Everything runs until a signal (or a service that exits on its own) starts the shutdown.
  return stack.stopped;
}

function main(): void {
  const options = optionsOrExit();
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  quietKafkajsTimeoutWarning();
  const printer = new Printer(colourWanted());
  const specs = serviceSpecs();
  printer.reserve(['start', 'kafka', 'simulator', ...specs.map((spec) => spec.name)]);
  const brokersConfigured = Boolean(process.env.KAFKA_BROKERS);
  const brokers = process.env.KAFKA_BROKERS || localBrokerAddress();
  const stack = new Stack({
    printer,
    services: specs,
    brokers,
    brokersConfigured,
    childEnv: childEnvironment(printer.colour, brokers),
  });
  handleSignals(stack);
  void run({ stack, printer, options, specs }).then((code) => process.exit(code));
}

main();
