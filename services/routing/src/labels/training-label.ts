import type { RoutedPetitionEntity } from '../petitions/routed-petition.entity';
import { TrainingLabelEntity } from './training-label.entity';

/** A training label from a petition and the departments finally decided for it. Pure. */
export function trainingLabel(input: {
  petition: RoutedPetitionEntity;
  decision: {
    departmentCode: string;
    coDepartments: readonly string[];
    complexity: string;
    urgent: boolean;
    category: string;
  };
  source: TrainingLabelEntity['source'];
  labelledBy: string;
  labelledAt: Date;
}): TrainingLabelEntity {
  const { petition, decision } = input;
  return Object.assign(new TrainingLabelEntity(), {
    petitionId: petition.petitionId,
    source: input.source,
    channel: petition.channel,
    text: petition.text,
    town: petition.town,
    unit: petition.unit,
    departmentCode: decision.departmentCode,
    coDepartments: [...decision.coDepartments],
    complexity: decision.complexity,
    urgent: decision.urgent,
    category: decision.category,
    labelledBy: input.labelledBy,
    labelledAt: input.labelledAt,
  } satisfies TrainingLabelEntity);
}

/** A label as a line of the training file format (petitions.dev.jsonl). */
export function trainingLine(label: TrainingLabelEntity): string {
  return JSON.stringify({
    id: label.petitionId,
    channel: label.channel,
    text: label.text,
    ...(label.town ? { town: label.town } : {}),
    ...(label.unit ? { unit: label.unit } : {}),
    expected_department: label.departmentCode,
    co_departments: label.coDepartments,
    complexity: label.complexity,
    urgent: label.urgent,
  });
}
