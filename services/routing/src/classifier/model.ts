import { createHash } from 'node:crypto';
import type { LinearModel } from './linear-model';

export const MODEL_FORMAT = 'petitions-routing-model';
export const MODEL_FORMAT_VERSION = 1;

/** How a petition becomes features; fixed at training time and kept with the parameters. */
export interface FeatureSettings {
  maxN: number;
  minDocumentFrequency: number;
}

/** Decision thresholds on the models' probabilities. */
export interface Thresholds {
  /** A department other than the primary one joins as co-department from this probability on. */
  coDepartment: number;
  /** ... or from this (lower) probability on when the text also has its words (a category or mention of it). */
  coDepartmentWithEvidence: number;
  /** At most this many co-departments. */
  maxCoDepartments: number;
  /** A petition is complex from this probability on. */
  complex: number;
}

/** A category as stored in a model: its words as a regular expression's source. */
export interface StoredCategory {
  code: string;
  departmentCode: string;
  name: string;
  pattern: string;
}

export interface StoredMention {
  departmentCode: string;
  pattern: string;
}

export interface StoredLexicon {
  categories: StoredCategory[];
  mentions: StoredMention[];
}

export interface TrainingSource {
  /** The file's name (not its path: the model must not depend on where it was trained). */
  file: string;
  sha256: string;
  examples: number;
}

/**
 * A trained routing model: everything the classifier needs, nothing it must compute at start-up. `classes` are the
 * department codes; `primary` is a softmax over them, `coDepartments` one sigmoid per class (is this department a
 * co-department?), `complexity` one sigmoid over `complexityVocabulary`.
 */
export interface RoutingModel {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  /** A digest of the parameters: two files with the same version decide alike. */
  modelVersion: string;
  trainedAt: string;
  training: TrainingSource;
  features: FeatureSettings;
  thresholds: Thresholds;
  /**
   * The lexicon the `k:` and `m:` features were computed with; its categories are also the service codes a channel
   * may send.
   */
  lexicon: StoredLexicon;
  classes: string[];
  vocabulary: string[];
  primary: LinearModel;
  coDepartments: LinearModel;
  complexityVocabulary: string[];
  complexity: LinearModel;
}

export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
}

/** Weights are stored to 4 decimals: enough for the same decisions, and a smaller file. */
const DECIMALS = 1e4;

function rounded(values: readonly number[]): number[] {
  // `|| 0` turns -0 into 0, which JSON would otherwise write as 0 and read back as a different number.
  return values.map((value) => Math.round(value * DECIMALS) / DECIMALS || 0);
}

function compact(model: LinearModel): LinearModel {
  return { ...model, bias: rounded(model.bias), weights: model.weights.map(rounded) };
}

type Parameters = Omit<RoutingModel, 'modelVersion' | 'trainedAt' | 'training'>;

/** The version is a digest of what decides (settings and parameters), not of when or from which file. */
export function modelVersionOf(parameters: Parameters): string {
  const digest = createHash('sha256').update(JSON.stringify(parameters)).digest('hex');
  return `${MODEL_FORMAT_VERSION}.${digest.slice(0, 12)}`;
}

export function assembleModel(
  parameters: Omit<Parameters, 'format' | 'formatVersion'>,
  trainedAt: string,
  training: TrainingSource,
): RoutingModel {
  const rest: Parameters = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    ...parameters,
    primary: compact(parameters.primary),
    coDepartments: compact(parameters.coDepartments),
    complexity: compact(parameters.complexity),
  };
  const { format, formatVersion, ...decisive } = rest;
  return { format, formatVersion, modelVersion: modelVersionOf(rest), trainedAt, training, ...decisive };
}

/** JSON with objects spread over lines and arrays of numbers or strings kept on one: a weight row is a line. */
function formatJson(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** A model as JSON text, one weight row per line (`routing:train` then lays it out as prettier does). */
export function serialiseModel(model: RoutingModel): string {
  return `${formatJson(model, '')}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberArray(value: unknown, length?: number): value is number[] {
  return (
    Array.isArray(value) &&
    (length === undefined || value.length === length) &&
    value.every((item) => typeof item === 'number' && Number.isFinite(item))
  );
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function linearModel(value: unknown, name: string, outputs: number, features: number): LinearModel {
  if (!isRecord(value)) throw new ModelFormatError(`${name}: missing`);
  const { link, bias, weights } = value;
  if (link !== 'softmax' && link !== 'sigmoid') throw new ModelFormatError(`${name}.link: softmax or sigmoid`);
  if (value['outputs'] !== outputs) throw new ModelFormatError(`${name}.outputs: expected ${outputs}`);
  if (!isNumberArray(bias, outputs)) throw new ModelFormatError(`${name}.bias: ${outputs} numbers`);
  const isRows = (rows: unknown): rows is number[][] =>
    Array.isArray(rows) && rows.length === features && rows.every((row) => isNumberArray(row, outputs));
  if (!isRows(weights)) throw new ModelFormatError(`${name}.weights: ${features} rows of ${outputs} numbers`);
  return { link, outputs, bias, weights };
}

function field<T>(record: Record<string, unknown>, key: string, guard: (value: unknown) => value is T): T {
  const value = record[key];
  if (!guard(value)) throw new ModelFormatError(`"${key}" is missing or malformed`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isStoredCategory(value: unknown): value is StoredCategory {
  return (
    isRecord(value) &&
    isString(value['code']) &&
    isString(value['departmentCode']) &&
    isString(value['name']) &&
    isString(value['pattern'])
  );
}

function isStoredMention(value: unknown): value is StoredMention {
  return isRecord(value) && isString(value['departmentCode']) && isString(value['pattern']);
}

function isStoredLexicon(value: unknown): value is StoredLexicon {
  return (
    isRecord(value) &&
    Array.isArray(value['categories']) &&
    value['categories'].every(isStoredCategory) &&
    Array.isArray(value['mentions']) &&
    value['mentions'].every(isStoredMention)
  );
}
const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isProbability = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;

/** Reads a model file's text, checking its shape; throws ModelFormatError naming the first problem. */
export function parseModel(json: string): RoutingModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ModelFormatError(`not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new ModelFormatError('not a JSON object');
  if (parsed['format'] !== MODEL_FORMAT) throw new ModelFormatError(`"format" must be "${MODEL_FORMAT}"`);
  if (parsed['formatVersion'] !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `formatVersion ${String(parsed['formatVersion'])}: this code reads ${MODEL_FORMAT_VERSION}`,
    );
  }
  const training = field(parsed, 'training', isRecord);
  const features = field(parsed, 'features', isRecord);
  const thresholds = field(parsed, 'thresholds', isRecord);
  const classes = field(parsed, 'classes', isStringArray);
  const vocabulary = field(parsed, 'vocabulary', isStringArray);
  const complexityVocabulary = field(parsed, 'complexityVocabulary', isStringArray);
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    modelVersion: field(parsed, 'modelVersion', isString),
    trainedAt: field(parsed, 'trainedAt', isString),
    training: {
      file: field(training, 'file', isString),
      sha256: field(training, 'sha256', isString),
      examples: field(training, 'examples', isPositiveInteger),
    },
    features: {
      maxN: field(features, 'maxN', isPositiveInteger),
      minDocumentFrequency: field(features, 'minDocumentFrequency', isPositiveInteger),
    },
    thresholds: {
      coDepartment: field(thresholds, 'coDepartment', isProbability),
      coDepartmentWithEvidence: field(thresholds, 'coDepartmentWithEvidence', isProbability),
      maxCoDepartments: field(thresholds, 'maxCoDepartments', isCount),
      complex: field(thresholds, 'complex', isProbability),
    },
    lexicon: field(parsed, 'lexicon', isStoredLexicon),
    classes,
    vocabulary,
    primary: linearModel(parsed['primary'], 'primary', classes.length, vocabulary.length),
    coDepartments: linearModel(parsed['coDepartments'], 'coDepartments', classes.length, vocabulary.length),
    complexityVocabulary,
    complexity: linearModel(parsed['complexity'], 'complexity', 1, complexityVocabulary.length),
  };
}
