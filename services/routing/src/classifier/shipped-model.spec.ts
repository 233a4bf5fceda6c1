import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createClassifier } from './classifier';
import { parsePetitions } from './dataset';
import { crossValidate, evaluate } from './evaluation';
import { loadModel, shippedModelPath } from './model-file';
import { defaultTrainingOptions, trainRoutingModel } from './training';

const DEV_FILE = join(__dirname, '..', '..', 'data', 'petitions.dev.jsonl');
const devBytes = readFileSync(DEV_FILE);
const petitions = parsePetitions(devBytes.toString('utf8'));
const shipped = loadModel();

describe('the shipped model and its data', () => {
  it('given the shipped model, when its provenance is read, then it was trained on the shipped dev file', () => {
    expect(shipped.training).toEqual({
      file: 'petitions.dev.jsonl',
      sha256: createHash('sha256').update(devBytes).digest('hex'),
      examples: petitions.length,
    });
  });

  it('given the shipped model file, when measured, then it is under 2 MB (commit-ready)', () => {
    expect(statSync(shippedModelPath()).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('given the current code and options, when retrained on the dev file, then it is the shipped model (else: npm run routing:train)', () => {
    const retrained = trainRoutingModel(petitions, defaultTrainingOptions(), {
      trainedAt: shipped.trainedAt,
      source: shipped.training,
    });
    expect(retrained.modelVersion).toBe(shipped.modelVersion);
  }, 30_000);

  it('given 5-fold cross-validation on the dev file, when evaluated, then accuracy >= 0.90 and urgent recall 1.0', () => {
    const options = defaultTrainingOptions();
    const predictions = crossValidate(petitions, {
      folds: 5,
      seed: 42,
      train: (training) => {
        const classifier = createClassifier(
          trainRoutingModel(training, options, {
            trainedAt: shipped.trainedAt,
            source: { file: 'fold', sha256: '-', examples: training.length },
          }),
        );
        return (petition) =>
          classifier.classify(petition.text, { channel: petition.channel, town: petition.town, unit: petition.unit });
      },
    });
    const { summary } = evaluate(predictions);
    expect(summary.cases).toBe(260);
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.urgent_recall).toBe(1);
  }, 30_000);
});
