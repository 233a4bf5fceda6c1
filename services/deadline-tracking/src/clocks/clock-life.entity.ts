import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BIGINT_MS } from './clock.entity';

/** Who held the clock: one row per department and stretch of time, across transfers. */
@Entity({ name: 'holdings' })
@Index('holdings_clock_idx', ['clockId', 'heldFrom'])
export class HoldingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'held_from' })
  heldFrom!: Date;

  @Column('timestamptz', { name: 'held_until', nullable: true })
  heldUntil!: Date | null;

  /** The clock's counted time when this holding began, so the holding's own counted time is a difference. */
  @Column('bigint', { name: 'consumed_at_start_ms', transformer: BIGINT_MS })
  consumedAtStartMs!: number;

  @Column('bigint', { name: 'counted_ms', nullable: true, transformer: BIGINT_MS })
  countedMs!: number | null;

  @Column('text', { name: 'ended_by', nullable: true })
  endedBy!: 'transferred' | 'stopped' | null;
}

@Entity({ name: 'pauses' })
@Index('pauses_clock_idx', ['clockId'])
export class PauseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('text')
  reason!: string;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'paused_at' })
  pausedAt!: Date;

  @Column('timestamptz', { name: 'resumed_at', nullable: true })
  resumedAt!: Date | null;
}

export type ExtensionState = 'requested' | 'approved' | 'rejected';

@Entity({ name: 'extensions' })
@Index('extensions_clock_idx', ['clockId'])
export class ExtensionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('integer')
  days!: number;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('text')
  state!: ExtensionState;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  /** The level above allowed one more request after this one (the allowance is "once unless approved again"). */
  @Column('boolean', { name: 'allow_another', default: false })
  allowAnother!: boolean;
}

/** A reopening waiting for the clock before it to stop (topics may deliver it before the resolution). */
@Entity({ name: 'parked_reopens' })
export class ParkedReopenEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @PrimaryColumn('integer')
  round!: number;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'reopened_at' })
  reopenedAt!: Date;

  @Column('uuid', { name: 'correlation_id' })
  correlationId!: string;

  @Column('uuid', { name: 'cause_event_id' })
  causeEventId!: string;
}
