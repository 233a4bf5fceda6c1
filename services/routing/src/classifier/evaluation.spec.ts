import type { Classification } from './classifier';
import type { LabelledPetition } from './dataset';
import { crossValidate, evaluate, type Prediction, seededRandom, stratifiedFolds } from './evaluation';
import { formatEvaluation } from './report';

function aPetition(overrides: Partial<LabelledPetition>): LabelledPetition {
  return {
    id: 'p',
    text: 't',
    expectedDepartment: 'URBAN',
    coDepartments: [],
    complexity: 'general',
    urgent: false,
    ...overrides,
  };
}

function aClassification(overrides: Partial<Classification>): Classification {
  return {
    departmentCode: 'URBAN',
    coDepartments: [],
    complexity: 'general',
    urgent: false,
    confidence: 0.9,
    category: 'garbage',
    reason: 'test',
    ...overrides,
  };
}

const PREDICTIONS: Prediction[] = [
  {
    petition: aPetition({ expectedDepartment: 'FIRE', coDepartments: ['POWER', 'FOREST'], urgent: true }),
    classification: aClassification({ departmentCode: 'FIRE', coDepartments: ['POWER', 'WATER'], urgent: true }),
  },
  {
    petition: aPetition({ expectedDepartment: 'URBAN', complexity: 'complex' }),
    classification: aClassification({ departmentCode: 'URBAN' }),
  },
  {
    petition: aPetition({ expectedDepartment: 'URBAN', urgent: true }),
    classification: aClassification({ departmentCode: 'HOUSING' }),
  },
  {
    petition: aPetition({ expectedDepartment: 'HOUSING' }),
    classification: aClassification({ departmentCode: 'HOUSING', urgent: true }),
  },
];

describe('evaluate', () => {
  const evaluation = evaluate(PREDICTIONS);

  it('given predictions, when evaluated, then top-1 accuracy, co-department recall, complexity and urgency', () => {
    const { summary } = evaluation;
    expect(summary.cases).toBe(4);
    expect(summary.accuracy).toBe(0.75);
    expect(summary.co_department_recall).toBe(0.5);
    expect(summary.complexity_accuracy).toBe(0.75);
    expect(summary.urgent_recall).toBe(0.5);
    expect(evaluation.coDepartmentPrecision).toBe(0.5);
    expect(evaluation.urgentPrecision).toBe(0.5);
  });

  it('given predictions, when evaluated, then precision and recall per department', () => {
    expect(evaluation.summary.per_department).toEqual({
      FIRE: { precision: 1, recall: 1 },
      HOUSING: { precision: 0.5, recall: 1 },
      URBAN: { precision: 1, recall: 0.5 },
    });
    expect(evaluation.departments.find((row) => row.code === 'HOUSING')).toEqual({
      code: 'HOUSING',
      precision: 0.5,
      recall: 1,
      support: 1,
      predicted: 2,
    });
  });

  it('given predictions, when evaluated, then the confusions as [expected, got, count], most frequent first', () => {
    const more = [...PREDICTIONS, PREDICTIONS[2] as Prediction, PREDICTIONS[0] as Prediction];
    expect(evaluate(more).summary.confusions).toEqual([['URBAN', 'HOUSING', 2]]);
  });

  it('given predictions, when formatted, then the table names every department and the confusions', () => {
    const table = formatEvaluation(evaluation, 'title');
    expect(table).toMatch(/^title\n/);
    expect(table).toMatch(/URBAN\s+1\.000\s+0\.500\s+2\s+1/);
    expect(table).toMatch(/URBAN\s+→ HOUSING\s+1/);
  });

  it('given no expected co-departments or urgent cases, when evaluated, then the recalls are 0, not NaN', () => {
    const summary = evaluate([
      { petition: aPetition({}), classification: aClassification({ coDepartments: ['TOWN'] }) },
    ]).summary;
    expect(summary.co_department_recall).toBe(0);
    expect(summary.urgent_recall).toBe(0);
  });
});

describe('stratifiedFolds', () => {
  const items = [
    ...Array.from({ length: 10 }, (_, index) => `A${index}`),
    ...Array.from({ length: 5 }, (_, index) => `B${index}`),
  ];
  const labelOf = (item: string): string => item.slice(0, 1);

  it('given items of two labels, when split in 5, then every item is in one fold and each fold has both labels', () => {
    const folds = stratifiedFolds(items, labelOf, 5, 42);
    expect(folds.flat().sort()).toEqual([...items].sort());
    for (const fold of folds) {
      expect(fold.filter((item) => labelOf(item) === 'A')).toHaveLength(2);
      expect(fold.filter((item) => labelOf(item) === 'B')).toHaveLength(1);
    }
  });

  it('given the same seed, when split twice, then the same folds; another seed, other folds', () => {
    expect(stratifiedFolds(items, labelOf, 5, 42)).toEqual(stratifiedFolds(items, labelOf, 5, 42));
    expect(stratifiedFolds(items, labelOf, 5, 43)).not.toEqual(stratifiedFolds(items, labelOf, 5, 42));
  });

  it('given too few or too many folds, when split, then it refuses', () => {
    expect(() => stratifiedFolds(items, labelOf, 1, 42)).toThrow(RangeError);
    expect(() => stratifiedFolds(items, labelOf, 16, 42)).toThrow(RangeError);
  });

  it('given a seed, when random numbers are drawn, then they are in [0, 1) and repeat with the seed', () => {
    const first = seededRandom(7);
    const again = seededRandom(7);
    const draws = Array.from({ length: 100 }, () => first());
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(Array.from({ length: 100 }, () => again())).toEqual(draws);
  });
});

describe('crossValidate', () => {
  it('given K folds, when cross-validated, then every petition is predicted once by a model not trained on it', () => {
    const petitions = Array.from({ length: 12 }, (_, index) =>
      aPetition({ id: `p${index}`, expectedDepartment: index % 2 ? 'URBAN' : 'POWER' }),
    );
    const predictions = crossValidate(petitions, {
      folds: 3,
      seed: 1,
      train: (training) => {
        const seen = new Set(training.map((petition) => petition.id));
        return (petition) =>
          aClassification({ departmentCode: seen.has(petition.id) ? 'LEAKED' : petition.expectedDepartment });
      },
    });
    expect(predictions.map((prediction) => prediction.petition.id)).toEqual(petitions.map((petition) => petition.id));
    expect(evaluate(predictions).summary.accuracy).toBe(1);
  });
});
