/**
 * A linear model over sparse feature vectors, in plain TypeScript: softmax (one of K classes, the primary
 * department) or independent sigmoids (each of K labels yes/no: departments involved, complex). Trained by
 * full-batch Adam on the mean log loss plus an L2 penalty: deterministic (no sampling), so the same examples always
 * give the same parameters.
 */

export type Link = 'softmax' | 'sigmoid';

// Module-level references: inside jest's sandbox every lookup of the global `Math` is slow, and training calls these
// tens of millions of times.
const { exp, sqrt } = Math;

/** One example: feature indices (distinct) and their values. */
export interface SparseVector {
  indices: readonly number[];
  values: readonly number[];
}

export interface LinearModel {
  link: Link;
  outputs: number;
  bias: number[];
  /** weights[feature] = one weight per output. */
  weights: number[][];
}

export interface LinearTrainingOptions {
  link: Link;
  outputs: number;
  features: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty on the weights (not the biases), pulling each weight towards its prior (0 when none). */
  l2: number;
  /** Prior knowledge: weights to start from and to be pulled back to. */
  prior?: readonly PriorWeight[];
}

/** A weight known before training: `feature` speaks for `output` by `weight`. */
export interface PriorWeight {
  feature: number;
  output: number;
  weight: number;
}

export function scores(model: LinearModel, vector: SparseVector): number[] {
  const raw = [...model.bias];
  for (let position = 0; position < vector.indices.length; position += 1) {
    const row = model.weights[vector.indices[position] ?? -1];
    const value = vector.values[position] ?? 0;
    if (!row) continue;
    for (let output = 0; output < raw.length; output += 1)
      raw[output] = (raw[output] ?? 0) + (row[output] ?? 0) * value;
  }
  return raw;
}

export function softmax(values: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let index = 0; index < values.length; index += 1) max = (values[index] ?? 0) > max ? (values[index] ?? 0) : max;
  const exps: number[] = [];
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = exp((values[index] ?? 0) - max);
    exps.push(value);
    sum += value;
  }
  return exps.map((value) => value / sum);
}

export function sigmoid(value: number): number {
  return 1 / (1 + exp(-value));
}

/** Probabilities: a distribution over the classes (softmax), or one probability per label (sigmoid). */
export function predict(model: LinearModel, vector: SparseVector): number[] {
  const raw = scores(model, vector);
  return model.link === 'softmax' ? softmax(raw) : raw.map(sigmoid);
}

interface AdamState {
  first: Float64Array;
  second: Float64Array;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

function adamStep(
  parameters: Float64Array,
  gradient: Float64Array,
  state: AdamState,
  step: number,
  learningRate: number,
): void {
  const correction1 = 1 - BETA1 ** step;
  const correction2 = 1 - BETA2 ** step;
  for (let index = 0; index < parameters.length; index += 1) {
    const g = gradient[index] ?? 0;
    const m = BETA1 * (state.first[index] ?? 0) + (1 - BETA1) * g;
    const v = BETA2 * (state.second[index] ?? 0) + (1 - BETA2) * g * g;
    state.first[index] = m;
    state.second[index] = v;
    parameters[index] =
      (parameters[index] ?? 0) - (learningRate * (m / correction1)) / (sqrt(v / correction2) + EPSILON);
  }
}

function accumulateGradient(
  vectors: readonly SparseVector[],
  targets: readonly (readonly number[])[],
  weights: Float64Array,
  prior: Float64Array,
  bias: Float64Array,
  options: LinearTrainingOptions,
): { weightGradient: Float64Array; biasGradient: Float64Array } {
  const { outputs } = options;
  const weightGradient = new Float64Array(weights.length);
  const biasGradient = new Float64Array(outputs);
  const raw = new Float64Array(outputs);
  const scale = 1 / vectors.length;
  vectors.forEach((vector, example) => {
    raw.set(bias);
    for (let position = 0; position < vector.indices.length; position += 1) {
      const offset = (vector.indices[position] ?? 0) * outputs;
      const value = vector.values[position] ?? 0;
      for (let output = 0; output < outputs; output += 1)
        raw[output] = (raw[output] ?? 0) + (weights[offset + output] ?? 0) * value;
    }
    const probabilities = options.link === 'softmax' ? softmax(raw) : Array.from(raw, sigmoid);
    const target = targets[example] ?? [];
    for (let output = 0; output < outputs; output += 1) {
      const error = ((probabilities[output] ?? 0) - (target[output] ?? 0)) * scale;
      biasGradient[output] = (biasGradient[output] ?? 0) + error;
      for (let position = 0; position < vector.indices.length; position += 1) {
        const at = (vector.indices[position] ?? 0) * outputs + output;
        weightGradient[at] = (weightGradient[at] ?? 0) + error * (vector.values[position] ?? 0);
      }
    }
  });
  for (let index = 0; index < weights.length; index += 1) {
    weightGradient[index] = (weightGradient[index] ?? 0) + options.l2 * ((weights[index] ?? 0) - (prior[index] ?? 0));
  }
  return { weightGradient, biasGradient };
}

/**
 * Fits the model to examples. `targets[i]` has one number per output: one-hot for softmax, 0/1 per label for
 * sigmoid.
 */
export function trainLinearModel(
  vectors: readonly SparseVector[],
  targets: readonly (readonly number[])[],
  options: LinearTrainingOptions,
): LinearModel {
  if (vectors.length !== targets.length) throw new RangeError('one target per example');
  if (vectors.length === 0) throw new RangeError('no examples to train on');
  const prior = new Float64Array(options.features * options.outputs);
  for (const { feature, output, weight } of options.prior ?? []) {
    if (feature >= 0 && feature < options.features && output >= 0 && output < options.outputs) {
      prior[feature * options.outputs + output] = weight;
    }
  }
  const weights = Float64Array.from(prior);
  const bias = new Float64Array(options.outputs);
  const weightState: AdamState = { first: new Float64Array(weights.length), second: new Float64Array(weights.length) };
  const biasState: AdamState = { first: new Float64Array(bias.length), second: new Float64Array(bias.length) };
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    const { weightGradient, biasGradient } = accumulateGradient(vectors, targets, weights, prior, bias, options);
    adamStep(weights, weightGradient, weightState, epoch, options.learningRate);
    adamStep(bias, biasGradient, biasState, epoch, options.learningRate);
  }
  const rows: number[][] = [];
  for (let feature = 0; feature < options.features; feature += 1) {
    rows.push(Array.from(weights.subarray(feature * options.outputs, (feature + 1) * options.outputs)));
  }
  return { link: options.link, outputs: options.outputs, bias: Array.from(bias), weights: rows };
}
