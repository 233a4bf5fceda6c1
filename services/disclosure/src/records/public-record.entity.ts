import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A record on the public board (公示). Hash-chained: each carries the hash of the one before. Never deleted. */
@Entity({ name: 'public_records' })
export class PublicRecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('bigint', { unique: true })
  sequence!: string;

  @Column('uuid', { name: 'petition_id', unique: true })
  petitionId!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('text')
  category!: string;

  @Column('text', { nullable: true })
  town!: string | null;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'resolved_at' })
  resolvedAt!: Date;

  @Column('integer', { name: 'handling_seconds' })
  handlingSeconds!: number;

  @Column('boolean', { name: 'within_deadline' })
  withinDeadline!: boolean;

  /** The department's result, redacted. */
  @Column('text', { name: 'result_summary' })
  resultSummary!: string;

  @Column('text', { array: true })
  findings!: string[];

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('char', { name: 'previous_hash', length: 64 })
  previousHash!: string;

  @Column('char', { length: 64 })
  hash!: string;
}
