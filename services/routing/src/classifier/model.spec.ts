import { createClassifier } from './classifier';
import type { LabelledPetition } from './dataset';
import { MODEL_FORMAT_VERSION, ModelFormatError, parseModel, type RoutingModel, serialiseModel } from './model';
import { defaultTrainingOptions, trainRoutingModel } from './training';

function aPetition(text: string, expectedDepartment: string, coDepartments: string[] = []): LabelledPetition {
  return {
    id: text,
    text,
    channel: 'wechat-resident',
    unit: 'FULING',
    expectedDepartment,
    coDepartments,
    complexity: coDepartments.length ? 'complex' : 'general',
    urgent: false,
  };
}

const PETITIONS = [
  aPetition('伏岭社区停电了 啥时候来电', 'POWER'),
  aPetition('又停电了 冰箱都不动了', 'POWER', ['TOWN']),
  aPetition('下水道堵了 污水漫到路上', 'URBAN'),
  aPetition('路口垃圾桶满了好几天', 'URBAN'),
];

function aModel(): RoutingModel {
  return trainRoutingModel(PETITIONS, defaultTrainingOptions(), {
    trainedAt: '2025-06-01T08:00:00.000Z',
    source: { file: 'tiny.jsonl', sha256: '0'.repeat(64), examples: PETITIONS.length },
  });
}

function tampered(change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(serialiseModel(aModel())) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
}

describe('model file', () => {
  it('given a trained model, when serialised and parsed, then it is the same model and decides alike', () => {
    const model = aModel();
    const parsed = parseModel(serialiseModel(model));
    expect(parsed).toEqual(model);
    for (const text of ['南江北路下水道堵塞污水外流', '杨家山停电了，变压器着火了在冒烟', '']) {
      expect(createClassifier(parsed).classify(text)).toEqual(createClassifier(model).classify(text));
    }
  });

  it('given a model, when serialised, then each weight row is one line and the provenance is readable', () => {
    const model = aModel();
    const text = serialiseModel(model);
    expect(text).toContain('"trainedAt": "2025-06-01T08:00:00.000Z"');
    expect(text).toContain('"file": "tiny.jsonl"');
    expect(text.split('\n').length).toBeGreaterThan(model.vocabulary.length * 2);
  });

  it('given weights, when serialised, then they are rounded to 4 decimals', () => {
    const weights = aModel().primary.weights.flat();
    expect(weights.some((weight) => weight !== 0)).toBe(true);
    expect(weights.every((weight) => Math.abs(weight * 1e4 - Math.round(weight * 1e4)) < 1e-6)).toBe(true);
  });

  it.each([
    ['not JSON', () => '{', /not JSON/],
    ['another format', () => tampered((json) => (json['format'] = 'something-else')), /format/],
    ['a newer format version', () => tampered((json) => (json['formatVersion'] = MODEL_FORMAT_VERSION + 1)), /reads/],
    ['no training time', () => tampered((json) => delete json['trainedAt']), /trainedAt/],
    [
      'a weight row too short',
      () =>
        tampered((json) => {
          const primary = json['primary'] as { weights: number[][] };
          primary.weights[0] = [1];
        }),
      /primary\.weights/,
    ],
    [
      'fewer rows than features',
      () =>
        tampered((json) => {
          const co = json['coDepartments'] as { weights: number[][] };
          co.weights.pop();
        }),
      /coDepartments\.weights/,
    ],
    [
      'a probability above 1',
      () => tampered((json) => ((json['thresholds'] as Record<string, unknown>)['coDepartment'] = 2)),
      /coDepartment/,
    ],
  ])('given %s, when parsed, then ModelFormatError names the problem', (_case, text, message) => {
    expect(() => parseModel(text())).toThrow(ModelFormatError);
    expect(() => parseModel(text())).toThrow(message);
  });
});
