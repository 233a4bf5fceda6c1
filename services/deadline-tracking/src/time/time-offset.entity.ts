import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Test time: an offset added to the database clock, shared by every replica. Zero (or no row) in production; only
 * the time-control endpoint, enabled by DEADLINE_TIME_CONTROL, writes it.
 */
@Entity({ name: 'time_offset' })
export class TimeOffsetEntity {
  @PrimaryColumn('smallint')
  id!: number;

  @Column('bigint', { name: 'offset_ms', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  offsetMs!: number;
}
