import type { EventPayloads, EventType } from '@petitions/contracts';
import type { PetitionFileEntity } from './history.entity';

export type HistoryEventType = Extract<
  EventType,
  | 'petition.received'
  | 'petition.assigned'
  | 'department.acknowledged'
  | 'department.progress-reported'
  | 'department.resolved'
  | 'deadline.armed'
  | 'deadline.breached'
  | 'deadline.stopped'
>;

export type HistoryEvent = { [K in HistoryEventType]: { type: K; payload: EventPayloads[K] } }[HistoryEventType];

type FileFacts = Omit<PetitionFileEntity, 'petitionId' | 'reviewedAt'>;

/** Folds one event into the facts accountability keeps about a petition (evolve, in event-sourcing terms). */
export function applyToFile(file: FileFacts, event: HistoryEvent): void {
  switch (event.type) {
    case 'petition.received':
      file.receivedAt = new Date(event.payload.receivedAt);
      file.town ??= event.payload.town ?? null;
      file.unit ??= event.payload.unit ?? null;
      return;
    case 'petition.assigned':
      file.departmentCode = event.payload.departmentCode;
      file.category = event.payload.category;
      file.complexity = event.payload.complexity;
      file.town = event.payload.town ?? file.town;
      file.unit = event.payload.unit ?? file.unit;
      return;
    case 'department.resolved':
      file.resolvedAt = new Date(event.payload.resolvedAt);
      file.result = event.payload.result;
      return;
    case 'deadline.breached':
      file.breached = true;
      return;
    case 'deadline.stopped':
      file.withinDeadline = event.payload.withinDeadline;
      return;
    case 'department.acknowledged':
    case 'department.progress-reported':
    case 'deadline.armed':
      return;
  }
}

/** A petition can be reviewed once it was received, assigned, resolved, and its clock stopped. */
export function readyForReview(file: FileFacts): boolean {
  return (
    file.receivedAt !== null &&
    file.departmentCode !== null &&
    file.resolvedAt !== null &&
    file.result !== null &&
    file.withinDeadline !== null
  );
}

/** Rules of the walking skeleton; issue #6 brings the full rule set. */
export function findingsOf(file: FileFacts): string[] {
  return file.breached || file.withinDeadline === false ? ['overdue'] : [];
}
