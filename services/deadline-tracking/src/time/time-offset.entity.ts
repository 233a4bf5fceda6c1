import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_MS } from '../clocks/clock.entity';

/**
 * Test time: an offset added to the database clock, shared by every replica. Zero (or no row) in production; only
 * the time-control endpoint, enabled by DEADLINE_TIME_CONTROL, writes it.
 */
@Entity({ name: 'time_offset' })
export class TimeOffsetEntity {
  @PrimaryColumn('smallint')
  id!: number;

  @Column('bigint', { name: 'offset_ms', transformer: BIGINT_MS })
  offsetMs!: number;
}
