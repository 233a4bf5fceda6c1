import type { DistrictFile } from '@petitions/district';
import { type Classifier, evaluate, type LabelledPetition, placeKindOf, placeKindsOf } from '../classifier';

/** The figures a model switch is judged by (routing:eval's names). */
export interface Figures {
  accuracy: number;
  co_department_recall: number;
  complexity_accuracy: number;
  urgent_recall: number;
}

/** A candidate model and the active one on the same stored training labels. */
export interface ModelEvaluation {
  cases: number;
  candidate: Figures;
  active: Figures;
  activeVersion: string;
}

/** How a classifier does on labelled petitions, each placed in the district as the service would place it. Pure. */
export function figuresOn(classifier: Classifier, petitions: readonly LabelledPetition[], file: DistrictFile): Figures {
  const kinds = placeKindsOf(file.district);
  const { summary } = evaluate(
    petitions.map((petition) => ({
      petition,
      classification: classifier.classify(petition.text, {
        channel: petition.channel,
        town: petition.town,
        unit: petition.unit,
        unitKind: placeKindOf(petition, kinds),
      }),
    })),
  );
  const { accuracy, co_department_recall, complexity_accuracy, urgent_recall } = summary;
  return { accuracy, co_department_recall, complexity_accuracy, urgent_recall };
}

/**
 * Why a candidate must not be switched on (empty when it may): it must not do worse than the active model on the
 * stored labels, and it must miss no urgent petition the active one catches.
 */
export function switchProblems(evaluation: ModelEvaluation): string[] {
  const { candidate, active } = evaluation;
  const problems: string[] = [];
  if (candidate.accuracy < active.accuracy) {
    problems.push(`accuracy ${candidate.accuracy} is below the active model's ${active.accuracy}`);
  }
  if (candidate.urgent_recall < active.urgent_recall) {
    problems.push(`urgent recall ${candidate.urgent_recall} is below the active model's ${active.urgent_recall}`);
  }
  return problems;
}
