import { departmentNamed } from '@petitions/district';
import {
  isOverdue,
  statusOf,
  TIMELINE_EVENTS,
  type PetitionStatus,
  type StatusFacts,
  type TimelineEntry,
  type TimelineEvent,
} from './petition-status';

export interface DepartmentRef {
  code: string;
  /** The department's name in the district's reference data (the code again if the district does not know it). */
  name: string;
}

export interface TimelineStep {
  at: string;
  event: TimelineEvent;
  department?: DepartmentRef;
}

/**
 * What `GET /petitions/track/{trackingCode}` answers: public, so nothing about the reporter and nothing that names
 * the channel's message (its id or the reporter's handle) — only what the departments did and when.
 */
export interface PetitionTracking {
  trackingCode: string;
  status: PetitionStatus;
  department: DepartmentRef | null;
  coDepartments: DepartmentRef[];
  category: string | null;
  receivedAt: string;
  expectedBy: string | null;
  overdue: boolean;
  resolvedAt: string | null;
  /** The department's result as it reported it; redaction for the public comes with issue #7. */
  result: string | null;
  timeline: TimelineStep[];
  /**
   * Other residents reported the same matter: their petitions and this one form a group handled as one matter. Only
   * the group's size: nothing that would lead to the other petitions or their reporters.
   */
  sameMatter: SameMatter | null;
}

export interface SameMatter {
  /** How many petitions (this one included) are about the matter. */
  reports: number;
}

function departmentRef(code: string): DepartmentRef {
  return { code, name: departmentNamed(code)?.name ?? code };
}

const STEP_ORDER: ReadonlyMap<TimelineEvent, number> = new Map(TIMELINE_EVENTS.map((event, index) => [event, index]));

/** Oldest first; steps at the same instant in the order a petition goes through them. */
function byTimeThenStep(a: TimelineEntry, b: TimelineEntry): number {
  return a.at.getTime() - b.at.getTime() || (STEP_ORDER.get(a.event) ?? 0) - (STEP_ORDER.get(b.event) ?? 0);
}

/** The public view of a petition from what intake stored itself and the facts it gathered from the topics. */
export function trackingViewOf(input: {
  trackingCode: string;
  receivedAt: Date;
  facts: Readonly<StatusFacts>;
  timeline: readonly TimelineEntry[];
  /** The size of the petition's same-matter group, or null when it is in none. */
  groupSize?: number | null;
}): PetitionTracking {
  const { trackingCode, receivedAt, facts } = input;
  const received: TimelineEntry = { at: receivedAt, event: 'received', departmentCode: null };
  const timeline = [received, ...input.timeline].sort(byTimeThenStep).map((entry): TimelineStep => ({
    at: entry.at.toISOString(),
    event: entry.event,
    ...(entry.departmentCode !== null ? { department: departmentRef(entry.departmentCode) } : {}),
  }));
  return {
    trackingCode,
    status: statusOf(facts),
    department: facts.departmentCode !== null ? departmentRef(facts.departmentCode) : null,
    coDepartments: facts.coDepartments.map(departmentRef),
    category: facts.category,
    receivedAt: receivedAt.toISOString(),
    expectedBy: facts.dueAt?.toISOString() ?? null,
    overdue: isOverdue(facts),
    resolvedAt: facts.resolvedAt?.toISOString() ?? null,
    result: facts.result,
    timeline,
    // A group that splits have shrunk to one petition is no longer a shared matter.
    sameMatter: input.groupSize != null && input.groupSize >= 2 ? { reports: input.groupSize } : null,
  };
}
