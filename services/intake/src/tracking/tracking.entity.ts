import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PetitionStatus, StatusFacts, TimelineEvent } from './petition-status';

/**
 * Intake's projection of a petition's progress, folded from routing, the departments and deadline-tracking's events
 * (intake never reads their tables). Every fact keeps its own timestamp so that events folded out of order settle
 * on the latest of each; `status` is derived from them and stored for operators' queries.
 */
@Entity({ name: 'petition_status' })
export class PetitionStatusEntity implements StatusFacts {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text')
  status!: PetitionStatus;

  @Column('text', { name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column('text', { name: 'co_departments', array: true, default: () => "'{}'" })
  coDepartments!: string[];

  @Column('text', { nullable: true })
  category!: string | null;

  @Column('text', { nullable: true })
  complexity!: string | null;

  @Column('timestamptz', { name: 'assigned_at', nullable: true })
  assignedAt!: Date | null;

  @Column('timestamptz', { name: 'armed_at', nullable: true })
  armedAt!: Date | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('timestamptz', { name: 'progress_at', nullable: true })
  progressAt!: Date | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('text', { name: 'resolved_by', nullable: true })
  resolvedBy!: string | null;

  @Column('timestamptz', { name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column('timestamptz', { name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column('boolean', { name: 'within_deadline', nullable: true })
  withinDeadline!: boolean | null;

  @Column('boolean', { nullable: true })
  satisfied!: boolean | null;

  @Column('timestamptz', { name: 'reopened_at', nullable: true })
  reopenedAt!: Date | null;

  @Column('integer', { name: 'reopen_count', default: 0 })
  reopenCount!: number;

  @Column('timestamptz', { name: 'reopened_resolution_at', nullable: true })
  reopenedResolutionAt!: Date | null;
}

/** One step of a petition's public timeline, one row per event that made it (the event id keeps it once). */
@Entity({ name: 'petition_timeline' })
@Index('petition_timeline_petition_idx', ['petitionId', 'at'])
@Index('petition_timeline_recorded_idx', ['recordedAt'])
export class PetitionTimelineEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  event!: TimelineEvent;

  @Column('text', { name: 'department_code', nullable: true })
  departmentCode!: string | null;

  /** The department's own text for the step (a progress note, a result), for Open311's updates; else null. */
  @Column('text', { nullable: true })
  note!: string | null;

  /**
   * When intake recorded the step (the database's clock), which may be long after `at` when an answer comes late:
   * Open311 clients poll for updates by this, so that a late step is not missed.
   */
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;
}
