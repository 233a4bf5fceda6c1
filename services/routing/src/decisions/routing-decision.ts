import type { Complexity } from '@petitions/contracts';
import type { Category, District } from '@petitions/district';
import type { Classification } from '../classifier';
import type { Location } from '../jurisdiction/location';

/** Territorial responsibility (属地): the town government of the petition's own town. */
export const TERRITORIAL = 'TOWN';

/** Who decided the department: the classifier, the channel's category, or an operator in triage. */
export type DecidedBy = 'classifier' | 'channel-category' | 'operator';

/** What routing does with a petition: assign it now, or queue it for an operator (分拨) first. */
export interface RoutingDecision {
  disposition: 'assign' | 'triage';
  departmentCode: string;
  coDepartments: string[];
  /** A code of the district's category catalogue. */
  category: string;
  complexity: Complexity;
  urgent: boolean;
  /** 0..1: the classifier's confidence in the primary department; 1 for a channel's category or an operator. */
  confidence: number;
  decidedBy: DecidedBy;
  /** The town whose government handles a territorial (TOWN) work order: the petition's own. */
  handlingTown?: string;
  /** Assigned but to be looked at by an operator: an urgent petition that would otherwise have gone to triage. */
  needsReview: boolean;
  /** Why it goes to triage (or, when urgent, why it needs review); empty when routing is sure. */
  doubts: string[];
  reason: string;
}

export interface RoutingInput {
  classification: Classification;
  /** The category the channel gave (an Open311 service code), if any. */
  channelCategory?: string;
  location: Location;
  district: District;
  /** Below this confidence a classified petition goes to triage. */
  confidenceThreshold: number;
}

/**
 * The catalogue category of a classifier category (its lexicon code) for the chosen department: the same code, or
 * the code the district's `categoryAliases` gives it, else the department's first catalogue category.
 */
export function catalogueCategory(district: District, lexiconCode: string, departmentCode: string): string {
  const ofDepartment = (code: string | undefined): Category | undefined =>
    district.categories.find((category) => category.code === code && category.department === departmentCode);
  return (
    (
      ofDepartment(lexiconCode) ??
      ofDepartment(district.categoryAliases?.[lexiconCode]) ??
      district.categories.find((category) => category.department === departmentCode)
    )?.code ?? lexiconCode
  );
}

function moreComplex(a: Complexity, b: Complexity): Complexity {
  return a === 'complex' || b === 'complex' ? 'complex' : 'general';
}

function fromChannelCategory(
  input: RoutingInput,
  category: Category,
): Omit<RoutingDecision, 'disposition' | 'doubts' | 'needsReview'> {
  const { classification } = input;
  return {
    departmentCode: category.department,
    coDepartments: classification.coDepartments.filter((code) => code !== category.department),
    category: category.code,
    // The catalogue's urgency and complexity, but never less than the text shows (a "garbage" report of a fire).
    complexity: moreComplex(category.complexity, classification.complexity),
    urgent: category.urgent || classification.urgent,
    confidence: 1,
    decidedBy: 'channel-category',
    reason: `channel category ${category.code}`,
  };
}

function fromClassifier(
  input: RoutingInput,
  note: string,
): Omit<RoutingDecision, 'disposition' | 'doubts' | 'needsReview'> {
  const { classification, district } = input;
  return {
    departmentCode: classification.departmentCode,
    coDepartments: [...classification.coDepartments],
    category: catalogueCategory(district, classification.category, classification.departmentCode),
    complexity: classification.complexity,
    urgent: classification.urgent,
    confidence: classification.confidence,
    decidedBy: 'classifier',
    reason: `${note}${classification.reason}`,
  };
}

/**
 * Decides what happens to a classified petition. Pure.
 * - A known channel category decides the department (and its catalogue urgency and complexity); an unknown one is
 *   ignored, and the reason says so.
 * - Doubts: confidence below the threshold; a territorial matter whose town is unknown.
 * - With a doubt the petition goes to triage, unless it is urgent: then it is assigned at once to the best guess and
 *   flagged for review (an urgent petition never waits).
 */
export function decideRouting(input: RoutingInput): RoutingDecision {
  const { district, location } = input;
  const category = district.categories.find((candidate) => candidate.code === input.channelCategory);
  const unknownCategory =
    input.channelCategory && !category ? `unknown channel category ${input.channelCategory} ignored; ` : '';
  const decision = category ? fromChannelCategory(input, category) : fromClassifier(input, unknownCategory);
  const territorial = [decision.departmentCode, ...decision.coDepartments].includes(TERRITORIAL);
  const doubts: string[] = [];
  if (decision.confidence < input.confidenceThreshold) {
    doubts.push(`confidence ${decision.confidence.toFixed(2)} below ${input.confidenceThreshold.toFixed(2)}`);
  }
  if (territorial && !location.town) doubts.push('territorial matter but the town is unknown');
  const urgent = decision.urgent;
  return {
    ...decision,
    ...(territorial && location.town ? { handlingTown: location.town } : {}),
    disposition: doubts.length > 0 && !urgent ? 'triage' : 'assign',
    needsReview: doubts.length > 0 && urgent,
    doubts,
  };
}
