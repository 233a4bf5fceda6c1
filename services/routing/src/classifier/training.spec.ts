import { DEMO_DISTRICT } from '@petitions/district';
import { type Lexicon, LEXICON } from './lexicon';
import { createClassifier } from './classifier';
import type { LabelledPetition } from './dataset';
import { placeKindsOf } from './features';
import { predict, trainLinearModel } from './linear-model';
import { serialiseModel } from './model';
import { DEFAULT_PRIMARY, defaultTrainingOptions, trainRoutingModel, type TrainingOptions } from './training';

const NO_LEXICON: Lexicon = { categories: [], mentions: [] };
const PROVENANCE = {
  trainedAt: '2025-06-01T08:00:00.000Z',
  source: { file: 'synthetic.jsonl', sha256: 'abc', examples: 6 },
};

function aPetition(overrides: Partial<LabelledPetition>): LabelledPetition {
  return {
    id: 'p',
    text: '',
    channel: 'wechat-resident',
    expectedDepartment: 'TOWN',
    coDepartments: [],
    complexity: 'general',
    urgent: false,
    ...overrides,
  };
}

/** Two made-up departments told apart only by words no lexicon knows: whatever is learnt, training learnt it. */
const SYNTHETIC: LabelledPetition[] = [
  aPetition({ text: '苹果园的苹果烂了', expectedDepartment: 'APPLES' }),
  aPetition({ text: '苹果树长虫了 苹果掉一地', expectedDepartment: 'APPLES' }),
  aPetition({ text: '我家苹果卖不出去', expectedDepartment: 'APPLES', coDepartments: ['PEARS'] }),
  aPetition({ text: '香蕉林被水淹了 香蕉全烂', expectedDepartment: 'BANANAS' }),
  aPetition({ text: '香蕉价格太低 香蕉卖不掉', expectedDepartment: 'BANANAS' }),
  aPetition({ text: '收香蕉的车冇来', expectedDepartment: 'BANANAS' }),
];

function options(overrides: Partial<TrainingOptions> = {}): TrainingOptions {
  return { ...defaultTrainingOptions(), lexicon: NO_LEXICON, ...overrides };
}

describe('trainRoutingModel', () => {
  it('given a tiny synthetic set, when trained, then it routes unseen texts by the words it learnt', () => {
    const classifier = createClassifier(trainRoutingModel(SYNTHETIC, options(), PROVENANCE));
    expect(classifier.classify('苹果又烂了').departmentCode).toBe('APPLES');
    expect(classifier.classify('香蕉又烂了').departmentCode).toBe('BANANAS');
  });

  it('given labels, when trained, then the classes are the departments named (primary and co), sorted', () => {
    expect(trainRoutingModel(SYNTHETIC, options(), PROVENANCE).classes).toEqual(['APPLES', 'BANANAS', 'PEARS']);
  });

  it('given the same petitions and options, when trained twice, then the model files are identical', () => {
    const first = serialiseModel(trainRoutingModel(SYNTHETIC, options(), PROVENANCE));
    const second = serialiseModel(trainRoutingModel(SYNTHETIC, options(), PROVENANCE));
    expect(second).toBe(first);
  });

  it('given another training time or file, when trained, then the model version (a digest of parameters) stays', () => {
    const first = trainRoutingModel(SYNTHETIC, options(), PROVENANCE);
    const later = trainRoutingModel(SYNTHETIC, options(), {
      trainedAt: '2026-01-01T00:00:00.000Z',
      source: { file: 'other.jsonl', sha256: 'def', examples: 6 },
    });
    expect(later.trainedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(later.modelVersion).toBe(first.modelVersion);
    expect(trainRoutingModel(SYNTHETIC.slice(1), options(), PROVENANCE).modelVersion).not.toBe(first.modelVersion);
  });

  it('given a rare n-gram (one petition), when trained, then it is pruned from the vocabulary', () => {
    const model = trainRoutingModel(SYNTHETIC, options(), PROVENANCE);
    expect(model.vocabulary).toContain('苹果');
    expect(model.vocabulary).not.toContain('园的');
    expect(model.vocabulary).toContain('c:wechat-resident');
  });

  it('given the lexicon, when trained on petitions that never use a category, then its prior is kept', () => {
    const model = trainRoutingModel(SYNTHETIC, { ...defaultTrainingOptions(), lexicon: LEXICON }, PROVENANCE);
    expect(model.classes).toContain('POWER');
    const weight = model.primary.weights[model.vocabulary.indexOf('k:power-outage')]?.[model.classes.indexOf('POWER')];
    expect(weight).toBe(DEFAULT_PRIMARY.categoryPrior);
  });

  it('given no petitions, when trained, then it refuses', () => {
    expect(() => trainRoutingModel([], options(), PROVENANCE)).toThrow(RangeError);
  });

  it('given the demo district, when the default options are built, then the park unit is known as a park', () => {
    expect(defaultTrainingOptions().places).toEqual(placeKindsOf(DEMO_DISTRICT));
    expect(defaultTrainingOptions().places.units.get('NANZHOU')).toBe('park');
    expect(defaultTrainingOptions().places.towns.get('NANZHOU_PARK')).toBe('park');
  });
});

describe('trainLinearModel', () => {
  const vectors = [
    { indices: [0], values: [1] },
    { indices: [1], values: [1] },
  ];

  it('given separable examples, when a softmax is trained, then each example gets its class', () => {
    const model = trainLinearModel(
      vectors,
      [
        [1, 0],
        [0, 1],
      ],
      { link: 'softmax', outputs: 2, features: 2, epochs: 100, learningRate: 0.1, l2: 0 },
    );
    expect(predict(model, vectors[0] ?? { indices: [], values: [] })[0]).toBeGreaterThan(0.9);
    expect(predict(model, vectors[1] ?? { indices: [], values: [] })[1]).toBeGreaterThan(0.9);
  });

  it('given a prior and a strong L2 penalty, when trained, then the weight stays near its prior', () => {
    const model = trainLinearModel(vectors, [[0], [0]], {
      link: 'sigmoid',
      outputs: 1,
      features: 2,
      epochs: 50,
      learningRate: 0.05,
      l2: 100,
      prior: [{ feature: 0, output: 0, weight: 3 }],
    });
    expect(model.weights[0]?.[0]).toBeCloseTo(3, 1);
    expect(model.weights[1]?.[0]).toBeCloseTo(0, 1);
  });

  it('given fewer targets than examples, when trained, then it refuses', () => {
    expect(() =>
      trainLinearModel(vectors, [[1]], {
        link: 'sigmoid',
        outputs: 1,
        features: 2,
        epochs: 1,
        learningRate: 0.1,
        l2: 0,
      }),
    ).toThrow(RangeError);
  });
});
