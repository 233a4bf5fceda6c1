import type { StatusChange } from '../tracking/tracking.service';
import { statusOf, type StatusFacts, type TrackedEvent } from '../tracking/petition-status';
import type { ReplyContent } from './reply-templates';

/**
 * A receipt a day late is no receipt: a petition taken in longer ago than this gets none (e.g. when a new consumer
 * group reads `petition.events` from the beginning, the citizens of old petitions are not written to again).
 */
export const RECEIPT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function changed(before: Date | null, after: Date | null): boolean {
  return (before?.getTime() ?? null) !== (after?.getTime() ?? null);
}

function resolved(facts: Readonly<StatusFacts>): boolean {
  return statusOf(facts) === 'resolved';
}

/**
 * What the citizen is told when intake folds an event into their petition's facts (a process manager: event →
 * replies). Pure. Each event is folded once (the inbox), and only an event that moved the facts forward says
 * anything, so a department's resent answer or an answer overtaken by a newer one stays silent:
 * - `petition.received`: a receipt, while nothing else has happened yet and the petition is fresh;
 * - `petition.assigned`: the department, when it is the latest assignment and the petition is not resolved;
 * - `department.progress-reported`: the note, when it is the latest and the petition is not resolved;
 * - `department.resolved`: the result and then the survey, when it is a new resolution;
 * - anything else: nothing (acknowledgements and the deadline's clock are the department's and the supervisors'
 *   business; the citizen sees them in the tracking lookup).
 */
export function repliesTo(event: TrackedEvent, change: StatusChange, now: Date): ReplyContent[] {
  const { before, after } = change;
  switch (event.type) {
    case 'petition.received': {
      const age = now.getTime() - new Date(event.payload.receivedAt).getTime();
      return statusOf(before) === 'received' && age <= RECEIPT_MAX_AGE_MS ? [{ kind: 'receipt' }] : [];
    }
    case 'petition.assigned': {
      if (!changed(before.assignedAt, after.assignedAt) || resolved(after)) return [];
      const { departmentCode, coDepartments } = event.payload;
      return [{ kind: 'assignment', departmentCode, coDepartments }];
    }
    case 'department.progress-reported': {
      if (!changed(before.progressAt, after.progressAt) || resolved(after)) return [];
      return [{ kind: 'progress', departmentCode: event.payload.departmentCode, note: event.payload.note }];
    }
    case 'department.resolved': {
      if (!changed(before.resolvedAt, after.resolvedAt)) return [];
      const { departmentCode, result } = event.payload;
      return [{ kind: 'result', departmentCode, result }, { kind: 'survey' }];
    }
    case 'department.acknowledged':
    case 'deadline.armed':
    case 'deadline.breached':
    case 'deadline.stopped':
    case 'petition.feedback-received':
    case 'petition.reopened':
      return [];
  }
}
