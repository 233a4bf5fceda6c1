import type { Classification } from './classifier';
import type { LabelledPetition } from './dataset';

/** The figures `routing:eval` prints as its last line (snake case: read by other tools). */
export interface EvaluationSummary {
  cases: number;
  accuracy: number;
  co_department_recall: number;
  complexity_accuracy: number;
  urgent_recall: number;
  per_department: Record<string, { precision: number; recall: number }>;
  confusions: [string, string, number][];
}

export interface DepartmentFigures {
  code: string;
  precision: number;
  recall: number;
  support: number;
  predicted: number;
}

/** Everything the table shows; `summary` is the JSON line. */
export interface Evaluation {
  summary: EvaluationSummary;
  departments: DepartmentFigures[];
  coDepartmentPrecision: number;
  coDepartmentsExpected: number;
  coDepartmentsPredicted: number;
  urgentPrecision: number;
  urgentExpected: number;
  urgentPredicted: number;
}

export interface Prediction {
  petition: LabelledPetition;
  classification: Classification;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const round = (value: number): number => Math.round(value * 10_000) / 10_000;

function departmentFigures(predictions: readonly Prediction[]): DepartmentFigures[] {
  const codes = [
    ...new Set(
      predictions.flatMap(({ petition, classification }) => [
        petition.expectedDepartment,
        classification.departmentCode,
      ]),
    ),
  ].sort();
  return codes.map((code) => {
    const support = predictions.filter(({ petition }) => petition.expectedDepartment === code).length;
    const predicted = predictions.filter(({ classification }) => classification.departmentCode === code).length;
    const correct = predictions.filter(
      ({ petition, classification }) => petition.expectedDepartment === code && classification.departmentCode === code,
    ).length;
    return {
      code,
      precision: round(ratio(correct, predicted)),
      recall: round(ratio(correct, support)),
      support,
      predicted,
    };
  });
}

function confusionsOf(predictions: readonly Prediction[]): [string, string, number][] {
  const counts = new Map<string, number>();
  for (const { petition, classification } of predictions) {
    if (petition.expectedDepartment === classification.departmentCode) continue;
    const key = `${petition.expectedDepartment}\u0000${classification.departmentCode}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]): [string, string, number] => {
      const [expected = '', got = ''] = key.split('\u0000');
      return [expected, got, count];
    })
    .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/** Compares predictions with labels: primary top-1, co-departments, complexity, urgency. */
export function evaluate(predictions: readonly Prediction[]): Evaluation {
  let correct = 0;
  let complexityCorrect = 0;
  let coExpected = 0;
  let coPredicted = 0;
  let coFound = 0;
  let urgentExpected = 0;
  let urgentPredicted = 0;
  let urgentFound = 0;
  for (const { petition, classification } of predictions) {
    if (petition.expectedDepartment === classification.departmentCode) correct += 1;
    if (petition.complexity === classification.complexity) complexityCorrect += 1;
    coExpected += petition.coDepartments.length;
    coPredicted += classification.coDepartments.length;
    coFound += petition.coDepartments.filter((code) => classification.coDepartments.includes(code)).length;
    if (petition.urgent) urgentExpected += 1;
    if (classification.urgent) urgentPredicted += 1;
    if (petition.urgent && classification.urgent) urgentFound += 1;
  }
  const departments = departmentFigures(predictions);
  const cases = predictions.length;
  return {
    summary: {
      cases,
      accuracy: round(ratio(correct, cases)),
      co_department_recall: round(ratio(coFound, coExpected)),
      complexity_accuracy: round(ratio(complexityCorrect, cases)),
      urgent_recall: round(ratio(urgentFound, urgentExpected)),
      per_department: Object.fromEntries(
        departments.map(({ code, precision, recall }) => [code, { precision, recall }]),
      ),
      confusions: confusionsOf(predictions),
    },
    departments,
    coDepartmentPrecision: round(ratio(coFound, coPredicted)),
    coDepartmentsExpected: coExpected,
    coDepartmentsPredicted: coPredicted,
    urgentPrecision: round(ratio(urgentFound, urgentPredicted)),
    urgentExpected,
    urgentPredicted,
  };
}

/** mulberry32: a small seeded generator, so that folds are the same on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/**
 * K stratified folds: each department's petitions are shuffled (seeded) and dealt in turn to the folds, the deal
 * continuing from department to department, so every fold has about 1/K of every department and of the whole.
 */
export function stratifiedFolds<T>(items: readonly T[], labelOf: (item: T) => string, k: number, seed: number): T[][] {
  if (!Number.isInteger(k) || k < 2 || k > items.length) {
    throw new RangeError(`folds must be an integer from 2 to ${items.length}, got ${k}`);
  }
  const random = seededRandom(seed);
  const byLabel = new Map<string, T[]>();
  for (const item of items) byLabel.set(labelOf(item), [...(byLabel.get(labelOf(item)) ?? []), item]);
  const folds: T[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const item of shuffled(byLabel.get(label) ?? [], random)) {
      folds[next]?.push(item);
      next = (next + 1) % k;
    }
  }
  return folds;
}

export interface CrossValidationOptions {
  folds: number;
  seed: number;
  /** Trains on the other folds and returns a classify function for the held-out one. */
  train: (training: readonly LabelledPetition[]) => (petition: LabelledPetition) => Classification;
  onFold?: (fold: number, folds: number) => void;
}

/** K-fold cross-validation: every petition is predicted by a model that never saw it. */
export function crossValidate(petitions: readonly LabelledPetition[], options: CrossValidationOptions): Prediction[] {
  const folds = stratifiedFolds(petitions, (petition) => petition.expectedDepartment, options.folds, options.seed);
  const predictions: Prediction[] = [];
  folds.forEach((heldOut, fold) => {
    options.onFold?.(fold + 1, folds.length);
    const training = folds.filter((_, other) => other !== fold).flat();
    const classify = options.train(training);
    for (const petition of heldOut) predictions.push({ petition, classification: classify(petition) });
  });
  const order = new Map(petitions.map((petition, index) => [petition, index]));
  return predictions.sort((a, b) => (order.get(a.petition) ?? 0) - (order.get(b.petition) ?? 0));
}
