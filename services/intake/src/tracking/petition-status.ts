import type { EventPayloads, EventType } from '@petitions/contracts';

/**
 * The events intake follows to tell a citizen where their petition stands: the other services' (routing, the
 * departments, deadline-tracking) and its own (the petition taken in, the citizen's answer to the survey).
 */
export type TrackedEventType = Extract<
  EventType,
  | 'petition.received'
  | 'petition.assigned'
  | 'deadline.armed'
  | 'department.acknowledged'
  | 'department.progress-reported'
  | 'department.resolved'
  | 'deadline.breached'
  | 'deadline.stopped'
  | 'petition.feedback-received'
  | 'petition.reopened'
>;

export type TrackedEvent = { [K in TrackedEventType]: { type: K; payload: EventPayloads[K] } }[TrackedEventType];

export const PETITION_STATUSES = [
  'received',
  'assigned',
  'acknowledged',
  'in-progress',
  'resolved',
  'reopened',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/**
 * What intake knows about a petition's progress, each fact with the time it happened. The events come from three
 * topics in any order, so every fact keeps the latest version seen (by its own timestamp, not by arrival) and the
 * status is derived from the facts rather than stored as a step that a late event could move backwards.
 */
export interface StatusFacts {
  departmentCode: string | null;
  coDepartments: string[];
  category: string | null;
  complexity: string | null;
  assignedAt: Date | null;
  /** When the clock behind `dueAt` started: a later arming (a re-armed clock) wins. */
  armedAt: Date | null;
  dueAt: Date | null;
  acknowledgedAt: Date | null;
  progressAt: Date | null;
  resolvedAt: Date | null;
  result: string | null;
  /** The department that reported the latest resolution. */
  resolvedBy: string | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  withinDeadline: boolean | null;
  /** The citizen's answer to the survey on the latest resolution; null until they answer (or a new resolution). */
  satisfied: boolean | null;
  /** When the citizen last reopened the petition, and how often they have. */
  reopenedAt: Date | null;
  reopenCount: number;
  /** The resolution the citizen rejected when they last reopened it: only a newer one resolves the petition again. */
  reopenedResolutionAt: Date | null;
}

export const NO_FACTS: Readonly<StatusFacts> = Object.freeze({
  departmentCode: null,
  coDepartments: [],
  category: null,
  complexity: null,
  assignedAt: null,
  armedAt: null,
  dueAt: null,
  acknowledgedAt: null,
  progressAt: null,
  resolvedAt: null,
  result: null,
  resolvedBy: null,
  breachedAt: null,
  stoppedAt: null,
  withinDeadline: null,
  satisfied: null,
  reopenedAt: null,
  reopenCount: 0,
  reopenedResolutionAt: null,
});

/** True when `candidate` is newer than what is held; a tie keeps what is held, so a redelivery changes nothing. */
function isNewer(candidate: Date, held: Date | null): boolean {
  return held === null || candidate.getTime() > held.getTime();
}

/** The later of two instants (either may be missing). */
function latest(held: Date | null, candidate: Date): Date {
  return isNewer(candidate, held) ? candidate : (held ?? candidate);
}

/** Folds one event into the facts (evolve, in event-sourcing terms). Pure: returns new facts, idempotent. */
export function evolveStatus(facts: Readonly<StatusFacts>, event: TrackedEvent): StatusFacts {
  switch (event.type) {
    case 'petition.received':
      return { ...facts };
    case 'petition.assigned': {
      const at = new Date(event.payload.assignedAt);
      if (!isNewer(at, facts.assignedAt)) return { ...facts };
      const { departmentCode, coDepartments, category, complexity } = event.payload;
      return { ...facts, departmentCode, coDepartments: [...coDepartments], category, complexity, assignedAt: at };
    }
    case 'deadline.armed': {
      const at = new Date(event.payload.startedAt);
      if (!isNewer(at, facts.armedAt)) return { ...facts };
      return { ...facts, armedAt: at, dueAt: new Date(event.payload.dueAt) };
    }
    case 'department.acknowledged':
      return { ...facts, acknowledgedAt: latest(facts.acknowledgedAt, new Date(event.payload.acknowledgedAt)) };
    case 'department.progress-reported':
      return { ...facts, progressAt: latest(facts.progressAt, new Date(event.payload.reportedAt)) };
    case 'department.resolved': {
      const at = new Date(event.payload.resolvedAt);
      if (!isNewer(at, facts.resolvedAt)) return { ...facts };
      const { result, departmentCode } = event.payload;
      // A new resolution is a new question for the citizen: their answer to an older one no longer stands.
      return { ...facts, resolvedAt: at, result, resolvedBy: departmentCode, satisfied: null };
    }
    case 'deadline.breached':
      return { ...facts, breachedAt: latest(facts.breachedAt, new Date(event.payload.breachedAt)) };
    case 'deadline.stopped': {
      const at = new Date(event.payload.stoppedAt);
      if (!isNewer(at, facts.stoppedAt)) return { ...facts };
      return { ...facts, stoppedAt: at, withinDeadline: event.payload.withinDeadline };
    }
    case 'petition.feedback-received':
      return { ...facts, satisfied: event.payload.satisfied };
    case 'petition.reopened': {
      const at = new Date(event.payload.reopenedAt);
      if (!isNewer(at, facts.reopenedAt)) return { ...facts };
      const reopenCount = Math.max(facts.reopenCount, event.payload.reopenCount);
      return { ...facts, reopenedAt: at, reopenCount, reopenedResolutionAt: facts.resolvedAt };
    }
  }
}

/** True when `at` is a fact of the current round: after the latest reopening, if there was one. */
function inCurrentRound(at: Date | null, reopenedAt: Date | null): boolean {
  return at !== null && (reopenedAt === null || at.getTime() > reopenedAt.getTime());
}

/**
 * The furthest step the facts show: a resolution is never undone by an acknowledgement that arrives late. Once the
 * citizen reopens the petition a new round starts: only a resolution newer than the rejected one resolves it again
 * (compared by the department's own timestamps), and the steps before it count from the reopening on.
 */
export function statusOf(facts: Readonly<StatusFacts>): PetitionStatus {
  if (inCurrentRound(facts.resolvedAt, facts.reopenedResolutionAt)) return 'resolved';
  if (inCurrentRound(facts.progressAt, facts.reopenedAt)) return 'in-progress';
  if (inCurrentRound(facts.acknowledgedAt, facts.reopenedAt)) return 'acknowledged';
  if (inCurrentRound(facts.assignedAt, facts.reopenedAt)) return 'assigned';
  return facts.reopenedAt !== null ? 'reopened' : 'received';
}

/** Overdue once the clock fired, or when it stopped after its due time (the breach may not have arrived yet). */
export function isOverdue(facts: Readonly<StatusFacts>): boolean {
  return facts.breachedAt !== null || facts.withinDeadline === false;
}

export const TIMELINE_EVENTS = [
  'received',
  'assigned',
  'acknowledged',
  'progress',
  'resolved',
  'overdue',
  'satisfied',
  'unsatisfied',
  'reopened',
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

export interface TimelineEntry {
  at: Date;
  event: TimelineEvent;
  departmentCode: string | null;
}

/** The step a citizen sees for an event, if any. */
export function timelineEntryOf(event: TrackedEvent): TimelineEntry | null {
  switch (event.type) {
    case 'petition.assigned':
      return {
        at: new Date(event.payload.assignedAt),
        event: 'assigned',
        departmentCode: event.payload.departmentCode,
      };
    case 'department.acknowledged':
      return {
        at: new Date(event.payload.acknowledgedAt),
        event: 'acknowledged',
        departmentCode: event.payload.departmentCode,
      };
    case 'department.progress-reported':
      return {
        at: new Date(event.payload.reportedAt),
        event: 'progress',
        departmentCode: event.payload.departmentCode,
      };
    case 'department.resolved':
      return {
        at: new Date(event.payload.resolvedAt),
        event: 'resolved',
        departmentCode: event.payload.departmentCode,
      };
    case 'deadline.breached':
      return { at: new Date(event.payload.breachedAt), event: 'overdue', departmentCode: event.payload.departmentCode };
    case 'petition.feedback-received':
      return {
        at: new Date(event.payload.receivedAt),
        event: event.payload.satisfied ? 'satisfied' : 'unsatisfied',
        departmentCode: null,
      };
    case 'petition.reopened':
      return {
        at: new Date(event.payload.reopenedAt),
        event: 'reopened',
        departmentCode: event.payload.previousDepartmentCode,
      };
    // The received step comes from the petition itself; clock bookkeeping shows in the status.
    case 'petition.received':
    case 'deadline.armed':
    case 'deadline.stopped':
      return null;
  }
}

/** The department's own text an event carries (a progress note, a result), or null. */
export function timelineNoteOf(event: TrackedEvent): string | null {
  switch (event.type) {
    case 'department.progress-reported':
      return event.payload.note;
    case 'department.resolved':
      return event.payload.result;
    case 'petition.received':
    case 'petition.assigned':
    case 'deadline.armed':
    case 'department.acknowledged':
    case 'deadline.breached':
    case 'deadline.stopped':
    // The citizen's own words (an unsatisfied answer) stay off the public timeline: they may name people.
    case 'petition.feedback-received':
    case 'petition.reopened':
      return null;
  }
}
