import type { Complexity, DutyOfficerV1, TransferStepV1 } from '@petitions/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Routing's standing decision for a petition: the primary department (which changes with a review or a transfer),
 * the co-departments, and how and under what the decision was made.
 */
@Entity({ name: 'assignments' })
export class AssignmentEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('text', { name: 'co_departments', array: true })
  coDepartments!: string[];

  @Column('text')
  category!: string;

  @Column('text')
  complexity!: Complexity;

  @Column('boolean')
  urgent!: boolean;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;

  /** 0..1; null for assignments made before the classifier (keyword rules). */
  @Column('double precision', { nullable: true })
  confidence!: number | null;

  /** classifier, channel-category or operator; null before the classifier. */
  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('boolean', { name: 'needs_review', default: false })
  needsReview!: boolean;

  @Column('text', { name: 'handling_town', nullable: true })
  handlingTown!: string | null;

  @Column('jsonb', { name: 'on_duty', nullable: true })
  onDuty!: DutyOfficerV1 | null;

  @Column('text', { name: 'district_version', nullable: true })
  districtVersion!: string | null;

  @Column('text', { name: 'model_version', nullable: true })
  modelVersion!: string | null;

  /** The department that received it first (首接): it keeps the petition when transfers stop. */
  @Column('text', { name: 'first_department', nullable: true })
  firstDepartment!: string | null;

  /** Since when the current primary department holds it (the assignment, or the last reassignment). */
  @Column('timestamptz', { name: 'held_since', nullable: true })
  heldSince!: Date | null;

  /** Every hand-over so far (转办): from, to, reason, time held. */
  @Column('jsonb', { default: () => "'[]'" })
  chain!: TransferStepV1[];

  /** The departments that asked to give it away (退回), in order. */
  @Column('text', { name: 'returned_by', array: true, default: () => "'{}'" })
  returnedBy!: string[];

  /** Set when transfers stopped and district coordination took over (the four-handling ladder). */
  @Column('timestamptz', { name: 'coordinated_at', nullable: true })
  coordinatedAt!: Date | null;
}
