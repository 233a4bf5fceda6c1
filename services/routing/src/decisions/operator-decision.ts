import type { Complexity } from '@petitions/contracts';
import type { District } from '@petitions/district';
import { catalogueCategory, type RoutingDecision, TERRITORIAL } from './routing-decision';

/** What an operator chose for a petition in the triage queue (every field optional but one of the first two). */
export interface OperatorChoice {
  departmentCode?: string;
  category?: string;
  coDepartments?: string[];
  complexity?: Complexity;
  urgent?: boolean;
  /** The town, when the operator knows it and routing did not (for a territorial matter). */
  town?: string;
  note?: string;
}

export type OperatorDecisionResult = { ok: true; decision: RoutingDecision } | { ok: false; problems: string[] };

/**
 * Turns an operator's choice into a decision, filling what they left out from routing's suggestion (or, for a
 * department other than the suggested one, from the category catalogue). Pure; every problem is named.
 */
export function operatorDecision(input: {
  choice: OperatorChoice;
  suggestion: RoutingDecision;
  district: District;
  town?: string;
  operatorId: string;
}): OperatorDecisionResult {
  const { choice, suggestion, district } = input;
  const problems: string[] = [];
  const known = (code: string): boolean => district.departments.some((department) => department.code === code);
  const category = choice.category ? district.categories.find((entry) => entry.code === choice.category) : undefined;
  if (choice.category && !category) problems.push(`category: unknown category ${choice.category}`);
  const departmentCode = choice.departmentCode ?? category?.department;
  if (!departmentCode) return { ok: false, problems: [...problems, 'departmentCode or category is required'] };
  if (!known(departmentCode)) problems.push(`departmentCode: unknown department ${departmentCode}`);
  const sameDepartment = departmentCode === suggestion.departmentCode;
  const coDepartments = (choice.coDepartments ?? suggestion.coDepartments).filter((code) => code !== departmentCode);
  for (const code of coDepartments.filter((candidate) => !known(candidate))) {
    problems.push(`coDepartments: unknown department ${code}`);
  }
  if (choice.town && !district.towns.some((town) => town.code === choice.town)) {
    problems.push(`town: unknown town ${choice.town}`);
  }
  const town = choice.town ?? input.town;
  const territorial = [departmentCode, ...coDepartments].includes(TERRITORIAL);
  if (territorial && !town)
    problems.push('town: a territorial (TOWN) matter needs the town, and routing does not know it');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    decision: {
      disposition: 'assign',
      departmentCode,
      coDepartments,
      category:
        category?.code ?? (sameDepartment ? suggestion.category : catalogueCategory(district, '', departmentCode)),
      complexity: choice.complexity ?? category?.complexity ?? suggestion.complexity,
      urgent: choice.urgent ?? suggestion.urgent,
      confidence: 1,
      decidedBy: 'operator',
      ...(territorial && town ? { handlingTown: town } : {}),
      needsReview: false,
      doubts: [],
      reason: `operator ${input.operatorId}${choice.note ? `: ${choice.note}` : ''}`,
    },
  };
}
