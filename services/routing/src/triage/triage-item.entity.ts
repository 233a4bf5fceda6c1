import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RoutingDecision } from '../decisions/routing-decision';

/**
 * A petition waiting for an operator (分拨): `triage` when routing was not sure enough to assign it (nothing has
 * gone out yet), `review` when it was urgent and was assigned at once to routing's best guess.
 */
@Entity({ name: 'triage_items' })
@Index('triage_items_queued', ['queuedAt'], { where: "status = 'queued'" })
export class TriageItemEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text')
  kind!: 'triage' | 'review';

  @Column('text')
  status!: 'queued' | 'decided';

  @Column('text', { name: 'suggested_department' })
  suggestedDepartment!: string;

  @Column('double precision')
  confidence!: number;

  /** The classifier model that made the suggestion. */
  @Column('text', { name: 'model_version', nullable: true })
  modelVersion!: string | null;

  /** Routing's whole decision, the operator's starting point. */
  @Column('jsonb')
  suggestion!: RoutingDecision;

  @Column('timestamptz', { name: 'queued_at' })
  queuedAt!: Date;

  /** The event that queued it (`petition.triage-queued`, or the `petition.assigned` of an urgent one). */
  @Column('uuid', { name: 'queued_event_id' })
  queuedEventId!: string;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('text', { name: 'decided_department', nullable: true })
  decidedDepartment!: string | null;
}
