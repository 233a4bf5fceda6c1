import type { PetitionFeedbackReceivedV1, PetitionReopenedV1 } from '@petitions/contracts';
import { statusOf, type StatusFacts } from '../tracking/petition-status';

/** The citizen's answer to the survey. */
export interface FeedbackAnswer {
  satisfied: boolean;
  comment?: string;
}

/** An answer already recorded for the petition's latest resolution. */
export interface RecordedAnswer {
  satisfied: boolean;
}

export type FeedbackDecision =
  /** There is no result to answer for (never resolved, or reopened and not resolved again). */
  | { kind: 'not-resolved' }
  /** The latest resolution has its answer already: the first answer stands, nothing new happens. */
  | { kind: 'already-answered'; answer: RecordedAnswer }
  /** Recorded: `petition.feedback-received`, and `petition.reopened` when the citizen is not satisfied. */
  | {
      kind: 'accepted';
      /** The resolution answered (the department's `resolvedAt`). */
      resolvedAt: Date;
      feedback: PetitionFeedbackReceivedV1;
      reopened: PetitionReopenedV1 | null;
    };

/**
 * What a citizen's answer does to their petition (decide, in event-sourcing terms). Pure; the time is passed in.
 * One answer per resolution: satisfied closes the matter for good, unsatisfied reopens it, back to the department
 * that resolved it, with the citizen's words. A later resolution asks again (its survey) and may be answered again.
 */
export function decideFeedback(input: {
  petitionId: string;
  facts: Readonly<StatusFacts>;
  /** The answer already recorded for `facts.resolvedAt`, if any. */
  recorded: RecordedAnswer | null;
  answer: FeedbackAnswer;
  now: Date;
}): FeedbackDecision {
  const { petitionId, facts, recorded, answer, now } = input;
  const { resolvedAt } = facts;
  if (resolvedAt !== null && recorded !== null) return { kind: 'already-answered', answer: recorded };
  if (resolvedAt === null || statusOf(facts) !== 'resolved') return { kind: 'not-resolved' };
  const at = now.toISOString();
  const feedback = { petitionId, satisfied: answer.satisfied, receivedAt: at };
  if (answer.satisfied) return { kind: 'accepted', resolvedAt, feedback, reopened: null };
  const previousDepartmentCode = facts.resolvedBy ?? facts.departmentCode;
  // Every resolution names its department, so a resolved petition always has one.
  if (previousDepartmentCode === null) throw new Error(`petition ${petitionId} is resolved by no department`);
  const reopened: PetitionReopenedV1 = {
    petitionId,
    reopenCount: facts.reopenCount + 1,
    reason: 'citizen-unsatisfied',
    ...(answer.comment !== undefined ? { comment: answer.comment } : {}),
    previousDepartmentCode,
    reopenedAt: at,
  };
  return { kind: 'accepted', resolvedAt, feedback, reopened };
}
