import { DEMO_DISTRICT, type District } from '@petitions/district';
import { LEXICON, type Lexicon, storedLexicon } from './lexicon';
import { complexityFeaturesOf } from './complexity';
import type { LabelledPetition } from './dataset';
import {
  binaryVector,
  buildVocabulary,
  departmentsWithWords,
  type FeatureCounts,
  featuresOf,
  indexOfVocabulary,
  type PlaceKinds,
  placeKindOf,
  placeKindsOf,
  vectorise,
} from './features';
import { type LinearModel, type PriorWeight, trainLinearModel } from './linear-model';
import { assembleModel, type FeatureSettings, type RoutingModel, type Thresholds, type TrainingSource } from './model';
import { urgentMatches } from './rules';
import { normalise } from './tokeniser';

export interface Optimisation {
  epochs: number;
  learningRate: number;
  l2: number;
}

export interface PrimaryOptimisation extends Optimisation {
  /** Prior weight of a category's feature for the category's department (the lexicon's say before any data). */
  categoryPrior: number;
  /** Prior weight of a department named in the text, for that department. */
  mentionPrior: number;
}

export interface TrainingOptions {
  features: FeatureSettings;
  thresholds: Thresholds;
  primary: PrimaryOptimisation;
  coDepartments: Optimisation;
  complexity: Optimisation;
  lexicon: Lexicon;
  places: PlaceKinds;
}

/** Chosen by cross-validation on the dev set (docs/routing-model.md). */
export const DEFAULT_FEATURES: FeatureSettings = { maxN: 3, minDocumentFrequency: 2 };
export const DEFAULT_THRESHOLDS: Thresholds = {
  coDepartment: 0.3,
  coDepartmentWithEvidence: 0.15,
  maxCoDepartments: 2,
  complex: 0.35,
};
export const DEFAULT_PRIMARY: PrimaryOptimisation = {
  epochs: 300,
  learningRate: 0.3,
  l2: 1e-2,
  categoryPrior: 2,
  mentionPrior: 2,
};
export const DEFAULT_CO_DEPARTMENTS: Optimisation = { epochs: 300, learningRate: 0.3, l2: 1e-2 };
export const DEFAULT_COMPLEXITY: Optimisation = { epochs: 300, learningRate: 0.1, l2: 3e-3 };

/** The options the shipped model is trained with, for a district (by default the demo district). */
export function defaultTrainingOptions(district: District = DEMO_DISTRICT): TrainingOptions {
  return {
    features: DEFAULT_FEATURES,
    thresholds: DEFAULT_THRESHOLDS,
    primary: DEFAULT_PRIMARY,
    coDepartments: DEFAULT_CO_DEPARTMENTS,
    complexity: DEFAULT_COMPLEXITY,
    lexicon: LEXICON,
    places: placeKindsOf(district),
  };
}

/** Each category's and each mention's feature starts out speaking for its department. */
function lexiconPriors(
  vocabulary: readonly string[],
  classes: readonly string[],
  lexicon: Lexicon,
  optimisation: PrimaryOptimisation,
): PriorWeight[] {
  const index = indexOfVocabulary(vocabulary);
  const priors = [
    ...lexicon.categories.map((category) => ({
      feature: `k:${category.code}`,
      departmentCode: category.departmentCode,
      weight: optimisation.categoryPrior,
    })),
    ...lexicon.mentions.map((mention) => ({
      feature: `m:${mention.departmentCode}`,
      departmentCode: mention.departmentCode,
      weight: optimisation.mentionPrior,
    })),
  ];
  return priors
    .map((prior) => ({
      feature: index.get(prior.feature) ?? -1,
      output: classes.indexOf(prior.departmentCode),
      weight: prior.weight,
    }))
    .filter((prior) => prior.feature >= 0 && prior.output >= 0 && prior.weight !== 0);
}

function lexiconFeatures(lexicon: Lexicon): string[] {
  return [
    ...lexicon.categories.map((category) => `k:${category.code}`),
    ...lexicon.mentions.map((mention) => `m:${mention.departmentCode}`),
  ];
}

function oneHot(size: number, positions: readonly number[]): number[] {
  const vector = new Array<number>(size).fill(0);
  for (const position of positions) if (position >= 0) vector[position] = 1;
  return vector;
}

function trainComplexity(
  petitions: readonly LabelledPetition[],
  documents: readonly FeatureCounts[],
  options: TrainingOptions,
): { vocabulary: string[]; model: LinearModel } {
  // Trained on the true primary department; at run time it sees the predicted one.
  const complexityDocuments = petitions.map((petition, index) => {
    const text = normalise(petition.text);
    return complexityFeaturesOf({
      text,
      channel: petition.channel,
      primary: petition.expectedDepartment,
      departmentsWithWords: departmentsWithWords(documents[index] ?? new Map<string, number>(), options.lexicon).size,
      urgent: urgentMatches(text).length > 0,
    });
  });
  const vocabulary = [...new Set(complexityDocuments.flat())].sort();
  const index = indexOfVocabulary(vocabulary);
  const model = trainLinearModel(
    complexityDocuments.map((document) => binaryVector(document, index)),
    petitions.map((petition) => [petition.complexity === 'complex' ? 1 : 0]),
    { link: 'sigmoid', outputs: 1, features: vocabulary.length, ...options.complexity },
  );
  return { vocabulary, model };
}

/**
 * Trains the three models of a routing model on labelled petitions. Pure: the time and the source are passed in,
 * and the same petitions and options give the same model, byte for byte.
 */
export function trainRoutingModel(
  petitions: readonly LabelledPetition[],
  options: TrainingOptions,
  provenance: { trainedAt: string; source: TrainingSource },
): RoutingModel {
  if (petitions.length === 0) throw new RangeError('no petitions to train on');
  const featureOptions = { maxN: options.features.maxN, lexicon: options.lexicon };
  const documents = petitions.map((petition) =>
    featuresOf(
      petition.text,
      { channel: petition.channel, unitKind: placeKindOf(petition, options.places) },
      featureOptions,
    ),
  );
  // Every lexicon feature and department is in the model even when no training petition has it: the prior then
  // still speaks for it.
  const vocabulary = [
    ...new Set([
      ...buildVocabulary(documents, options.features.minDocumentFrequency),
      ...lexiconFeatures(options.lexicon),
    ]),
  ].sort();
  const index = indexOfVocabulary(vocabulary);
  const vectors = documents.map((document) => vectorise(document, index));
  const classes = [
    ...new Set([
      ...petitions.flatMap((petition) => [petition.expectedDepartment, ...petition.coDepartments]),
      ...options.lexicon.categories.map((category) => category.departmentCode),
    ]),
  ].sort();
  const classIndex = (code: string): number => classes.indexOf(code);

  const linear = { outputs: classes.length, features: vocabulary.length };
  const { categoryPrior: _category, mentionPrior: _mention, ...primaryOptimisation } = options.primary;
  const primary = trainLinearModel(
    vectors,
    petitions.map((petition) => oneHot(classes.length, [classIndex(petition.expectedDepartment)])),
    {
      link: 'softmax',
      ...linear,
      ...primaryOptimisation,
      prior: lexiconPriors(vocabulary, classes, options.lexicon, options.primary),
    },
  );
  // Which departments are involved at all (primary or co): twice the positives of co-departments alone, and the
  // lexicon's priors apply. The classifier takes the involved departments other than the primary one.
  const coDepartments = trainLinearModel(
    vectors,
    petitions.map((petition) =>
      oneHot(classes.length, [petition.expectedDepartment, ...petition.coDepartments].map(classIndex)),
    ),
    {
      link: 'sigmoid',
      ...linear,
      ...options.coDepartments,
      prior: lexiconPriors(vocabulary, classes, options.lexicon, options.primary),
    },
  );
  const complexity = trainComplexity(petitions, documents, options);
  return assembleModel(
    {
      features: options.features,
      thresholds: options.thresholds,
      lexicon: storedLexicon(options.lexicon),
      classes,
      vocabulary,
      primary,
      coDepartments,
      complexityVocabulary: complexity.vocabulary,
      complexity: complexity.model,
    },
    provenance.trainedAt,
    provenance.source,
  );
}
