import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Routing's decision for a petition: the primary department and the co-departments. */
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
  complexity!: string;

  @Column('boolean')
  urgent!: boolean;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;
}
