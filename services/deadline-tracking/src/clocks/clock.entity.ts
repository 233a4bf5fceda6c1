import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RuleName } from '../policies/policy';

export type ClockState = 'running' | 'paused' | 'stopped';

/** PostgreSQL bigint comes back as a string: milliseconds fit a JavaScript number for millions of years. */
export const BIGINT_MS = { to: (value: number): number => value, from: (value: string): number => Number(value) };

/** A petition's clock: round 1 from the assignment, one more round each time the petition is reopened. */
@Entity({ name: 'clocks' })
@Index('clocks_petition_round_key', ['petitionId', 'round'], { unique: true })
export class ClockEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('integer')
  round!: number;

  /** The department holding the clock now (transfers move it; see holdings). */
  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('text', { nullable: true })
  town!: string | null;

  /** Policy id and version, e.g. `complex@2`: kept for the clock's whole life. */
  @Column('text')
  policy!: string;

  @Column('text', { default: 'initial' })
  rule!: RuleName;

  @Column('text')
  state!: ClockState;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('bigint', { name: 'budget_ms', transformer: BIGINT_MS })
  budgetMs!: number;

  @Column('bigint', { name: 'consumed_ms', transformer: BIGINT_MS })
  consumedMs!: number;

  @Column('timestamptz', { name: 'running_since', nullable: true })
  runningSince!: Date | null;

  /** The due time as last computed (null while paused). */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('timestamptz', { name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column('timestamptz', { name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column('integer', { name: 'extensions_allowed', default: 0 })
  extensionsAllowed!: number;

  /** The petition's story, so that events the clock emits later on its own (steps) carry it on. */
  @Column('uuid', { name: 'correlation_id' })
  correlationId!: string;

  /** The `deadline.armed` event: the cause of what the clock later does by itself. */
  @Column('uuid', { name: 'armed_event_id' })
  armedEventId!: string;
}

/** A step of a clock's policy, fired or skipped. The primary key makes each step happen at most once per clock. */
@Entity({ name: 'clock_steps' })
export class ClockStepEntity {
  @PrimaryColumn('uuid', { name: 'clock_id' })
  clockId!: string;

  @PrimaryColumn('text', { name: 'step_id' })
  stepId!: string;

  @Column('text')
  outcome!: 'fired' | 'skipped';

  @Column('timestamptz', { name: 'scheduled_at', nullable: true })
  scheduledAt!: Date | null;

  @Column('timestamptz', { name: 'reached_at' })
  reachedAt!: Date;

  /** The `deadline.step-reached` event (null when skipped). */
  @Column('uuid', { name: 'event_id', nullable: true })
  eventId!: string | null;
}

/** A department's resolution; parked (no clock yet) when it arrives before the clock was armed. */
@Entity({ name: 'resolutions' })
export class ResolutionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'resolved_at' })
  resolvedAt!: Date;

  /** The clock it stopped; null while parked. */
  @Column('uuid', { name: 'clock_id', nullable: true })
  clockId!: string | null;
}

/** When a department signed for a petition (签收), whatever order the topics deliver in. */
@Entity({ name: 'acknowledgements' })
export class AcknowledgementEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @PrimaryColumn('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'acknowledged_at' })
  acknowledgedAt!: Date;
}
