import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type TimerState = 'pending' | 'fired' | 'cancelled';

/**
 * A durable timer: fires once at `due_at` (database time). An owner (a clock) has at most one pending timer, its
 * next wake-up; rescheduling moves it, cancelling ends it. Fired and cancelled rows stay as the history.
 */
@Entity({ name: 'timers' })
@Index('timers_due_idx', ['dueAt', 'id'], { where: "state = 'pending'" })
@Index('timers_owner_pending_key', ['ownerId'], { unique: true, where: "state = 'pending'" })
export class TimerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  state!: TimerState;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'fired_at', nullable: true })
  firedAt!: Date | null;
}
