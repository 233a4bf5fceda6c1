/**
 * `npm run routing:train -- <petitions.jsonl> [--out <model.json>] [--trained-at <ISO time>]`
 * Trains the routing model on labelled petitions (the format of services/routing/data/petitions.dev.jsonl) and writes
 * it, by default to services/routing/data/model.json, the file the routing service loads.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
// The classifier's training and file format are the routing service's own; these scripts are its tools.
// eslint-disable-next-line no-restricted-imports
import {
  defaultTrainingOptions,
  parsePetitions,
  serialiseModel,
  trainRoutingModel,
} from '../services/routing/src/classifier';

/** dist/scripts/ → the repository. */
const REPO_ROOT = join(__dirname, '..', '..');
const DEFAULT_OUT = join(REPO_ROOT, 'services', 'routing', 'data', 'model.json');
const USAGE = 'usage: npm run routing:train -- <petitions.jsonl> [--out <model.json>] [--trained-at <ISO time>]\n';

interface TrainArguments {
  input: string;
  out: string;
  trainedAt?: string;
}

class UsageError extends Error {}

/** Paths are relative to where npm was run from (npm itself runs scripts from the repository's root). */
function fromCaller(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

function parseArguments(argv: readonly string[]): TrainArguments {
  const positional: string[] = [];
  let out = DEFAULT_OUT;
  let trainedAt: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const value = (): string => {
      const next = argv[(index += 1)];
      if (next === undefined) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    if (argument === '--out') out = fromCaller(value());
    else if (argument === '--trained-at') trainedAt = value();
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  if (positional.length !== 1 || !positional[0]) throw new UsageError('one training file, please');
  if (trainedAt !== undefined && Number.isNaN(Date.parse(trainedAt))) {
    throw new UsageError(`--trained-at: not a date: ${trainedAt}`);
  }
  return { input: fromCaller(positional[0]), out, trainedAt };
}

/** The file as the repository's formatter would write it, so that `npm run lint` (prettier --check) accepts it. */
async function formatted(text: string, path: string): Promise<string> {
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const bytes = readFileSync(args.input);
  const petitions = parsePetitions(bytes.toString('utf8'));
  process.stderr.write(`training on ${petitions.length} petitions from ${args.input}…\n`);
  const model = trainRoutingModel(petitions, defaultTrainingOptions(), {
    trainedAt: new Date(args.trainedAt ?? Date.now()).toISOString(),
    source: {
      file: basename(args.input),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      examples: petitions.length,
    },
  });
  const text = await formatted(serialiseModel(model), args.out);
  writeFileSync(args.out, text);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      `model ${model.modelVersion} written to ${relative(process.cwd(), args.out) || args.out}`,
      `  trained at ${model.trainedAt} on ${model.training.file} (sha256 ${model.training.sha256.slice(0, 12)}…)`,
      `  ${model.classes.length} departments, ${model.vocabulary.length} features, ${(text.length / 1024).toFixed(0)} KiB, ${seconds} s`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`routing:train failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
