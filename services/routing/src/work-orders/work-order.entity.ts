import type { WorkOrderIssuedV1 } from '@petitions/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type WorkOrderStatus = 'issued' | 'acknowledged' | 'resolved' | 'withdrawn';

/**
 * A department's work order for a petition, as issued, with where it stands: acknowledged (签收) in time or not,
 * resolved, or withdrawn when the petition went elsewhere. A department's credential reaches only its own.
 */
@Entity({ name: 'work_orders' })
@Index('work_orders_awaiting_acknowledgement', ['acknowledgeBy'], {
  where: "status = 'issued' AND escalated_at IS NULL",
})
@Index('work_orders_by_department', ['departmentCode', 'issuedAt'])
export class WorkOrderEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @PrimaryColumn('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('text')
  role!: 'primary' | 'co';

  @Column('text')
  status!: WorkOrderStatus;

  /** The `work-order.issued` payload as sent. */
  @Column('jsonb')
  order!: WorkOrderIssuedV1;

  @Column('uuid', { name: 'issued_event_id' })
  issuedEventId!: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  /** When the department must have acknowledged; the scanner escalates after it (by the database's clock). */
  @Column('timestamptz', { name: 'acknowledge_by' })
  acknowledgeBy!: Date;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
