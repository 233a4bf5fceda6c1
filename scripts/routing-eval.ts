/**
 * `npm run routing:eval -- <petitions.jsonl> [--model <model.json>] [--cv K [--seed N]]`
 * Evaluates the routing model on labelled petitions: a table (per department precision, recall, support; the top
 * confusions), then, as the last line, one JSON object with the figures. With `--cv K` it instead trains K models
 * with the training defaults, each on K−1 folds of the file (stratified by department, seeded), and evaluates each
 * on its held-out fold. Progress goes to stderr.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The classifier's training and file format are the routing service's own; these scripts are its tools.
// eslint-disable-next-line no-restricted-imports
import {
  createClassifier,
  crossValidate,
  defaultTrainingOptions,
  evaluate,
  formatEvaluation,
  type LabelledPetition,
  loadModel,
  parsePetitions,
  type Prediction,
  shippedModelPath,
  trainRoutingModel,
} from '../services/routing/src/classifier';

const USAGE = 'usage: npm run routing:eval -- <petitions.jsonl> [--model <model.json>] [--cv K [--seed N]]\n';
const DEFAULT_SEED = 42;

interface EvalArguments {
  input: string;
  model?: string;
  folds?: number;
  seed: number;
}

class UsageError extends Error {}

function fromCaller(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

function integer(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`${option}: not an integer: ${text}`);
  return value;
}

function parseArguments(argv: readonly string[]): EvalArguments {
  const positional: string[] = [];
  const args: Omit<EvalArguments, 'input'> = { seed: DEFAULT_SEED };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const value = (): string => {
      const next = argv[(index += 1)];
      if (next === undefined) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    if (argument === '--model') args.model = fromCaller(value());
    else if (argument === '--cv') args.folds = integer(value(), '--cv');
    else if (argument === '--seed') args.seed = integer(value(), '--seed');
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  if (positional.length !== 1 || !positional[0]) throw new UsageError('one file of labelled petitions, please');
  if (args.model !== undefined && args.folds !== undefined) {
    throw new UsageError('--model and --cv exclude each other: cross-validation trains its own models');
  }
  return { input: fromCaller(positional[0]), ...args };
}

const contextOf = (petition: LabelledPetition): { channel?: string; town?: string; unit?: string } => ({
  channel: petition.channel,
  town: petition.town,
  unit: petition.unit,
});

function crossValidated(petitions: readonly LabelledPetition[], folds: number, seed: number): Prediction[] {
  const options = defaultTrainingOptions();
  const trainedAt = new Date(0).toISOString();
  return crossValidate(petitions, {
    folds,
    seed,
    onFold: (fold, total) => process.stderr.write(`fold ${fold}/${total}: training…\n`),
    train: (training) => {
      const model = trainRoutingModel(training, options, {
        trainedAt,
        source: { file: 'cross-validation fold', sha256: '-', examples: training.length },
      });
      const classifier = createClassifier(model);
      return (petition) => classifier.classify(petition.text, contextOf(petition));
    },
  });
}

function withModel(petitions: readonly LabelledPetition[], path: string): { predictions: Prediction[]; title: string } {
  const model = loadModel(path);
  const classifier = createClassifier(model);
  const predictions = petitions.map((petition, index) => {
    if ((index + 1) % 100 === 0) process.stderr.write(`${index + 1}/${petitions.length} classified\n`);
    return { petition, classification: classifier.classify(petition.text, contextOf(petition)) };
  });
  const title = `model ${model.modelVersion} (trained ${model.trainedAt} on ${model.training.file}) from ${path}`;
  return { predictions, title };
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  const petitions = parsePetitions(readFileSync(args.input, 'utf8'));
  const started = performance.now();
  const { predictions, title } =
    args.folds === undefined
      ? withModel(petitions, args.model ?? shippedModelPath())
      : {
          predictions: crossValidated(petitions, args.folds, args.seed),
          title: `${args.folds}-fold cross-validation (stratified, seed ${args.seed}) with the training defaults`,
        };
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const evaluation = evaluate(predictions);
  process.stdout.write(formatEvaluation(evaluation, `${title}\non ${args.input}: ${seconds} s`));
  process.stdout.write(`${JSON.stringify(evaluation.summary)}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`routing:eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
