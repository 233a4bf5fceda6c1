import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ClockState = 'running' | 'breached' | 'stopped';

/** A petition's resolution clock (one per petition for now; reopen clocks come with issue #5). */
@Entity({ name: 'clocks' })
@Index('clocks_due_running_idx', ['dueAt'], { where: "state = 'running'" })
export class ClockEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'petition_id', unique: true })
  petitionId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('text')
  policy!: string;

  @Column('text')
  state!: ClockState;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('timestamptz', { name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column('timestamptz', { name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  /** The petition's story, so that events the clock emits later on its own (breaches) carry it on. */
  @Column('uuid', { name: 'correlation_id' })
  correlationId!: string;

  /** The `deadline.armed` event: the cause of what the clock later does by itself. */
  @Column('uuid', { name: 'armed_event_id' })
  armedEventId!: string;
}

/** A department's resolution, kept even when it arrives before the clock was armed (topics may reorder). */
@Entity({ name: 'resolutions' })
export class ResolutionEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'resolved_at' })
  resolvedAt!: Date;
}
