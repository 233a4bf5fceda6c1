import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A labelled petition for retraining the classifier, in the fields of the training file (petitions.dev.jsonl):
 * an operator's triage or review decision, or the department that finally resolved a closed petition.
 */
@Entity({ name: 'training_labels' })
export class TrainingLabelEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  /** `triage`, `review` or `outcome`; a later source replaces an earlier one (the outcome is the final word). */
  @Column('text')
  source!: 'triage' | 'review' | 'outcome';

  @Column('text')
  channel!: string;

  @Column('text')
  text!: string;

  @Column('text', { nullable: true })
  town!: string | null;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('text', { name: 'co_departments', array: true })
  coDepartments!: string[];

  @Column('text')
  complexity!: string;

  @Column('boolean')
  urgent!: boolean;

  @Column('text')
  category!: string;

  /** The operator's id, or the resolving department's code. */
  @Column('text', { name: 'labelled_by' })
  labelledBy!: string;

  @Column('timestamptz', { name: 'labelled_at' })
  labelledAt!: Date;
}
