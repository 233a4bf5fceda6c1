export { CATEGORIES, type Category, DEPARTMENT_MENTIONS, LEXICON, type Lexicon, type Mention } from './lexicon';
export {
  type Classification,
  type Classifier,
  type ClassifierOptions,
  createClassifier,
  type PetitionContext,
} from './classifier';
export { DatasetError, type LabelledPetition, parsePetitions } from './dataset';
export { crossValidate, evaluate, type Evaluation, type EvaluationSummary, type Prediction } from './evaluation';
export { placeKindOf, placeKindsOf } from './features';
export { loadClassifier, loadModel, shippedModelCandidates, shippedModelPath } from './model-file';
export { ModelFormatError, parseModel, type RoutingModel, serialiseModel } from './model';
export { formatEvaluation } from './report';
export { normalise, tokenise } from './tokeniser';
export {
  DEFAULT_COMPLEXITY,
  DEFAULT_CO_DEPARTMENTS,
  DEFAULT_FEATURES,
  DEFAULT_PRIMARY,
  DEFAULT_THRESHOLDS,
  defaultTrainingOptions,
  trainRoutingModel,
  type TrainingOptions,
} from './training';
