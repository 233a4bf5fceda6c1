import type { PublicRecordEntity } from './public-record.entity';

/** What the public API shows of a record (the HTTP contract; no persistence type leaks out). */
export interface PublicRecordView {
  recordId: string;
  sequence: number;
  petitionId: string;
  departmentCode: string;
  category: string;
  town: string | null;
  unit: string | null;
  receivedAt: string;
  resolvedAt: string;
  handlingSeconds: number;
  withinDeadline: boolean;
  resultSummary: string;
  findings: string[];
  publishedAt: string;
  previousHash: string;
  hash: string;
}

export function toView(record: PublicRecordEntity): PublicRecordView {
  return {
    recordId: record.id,
    sequence: Number(record.sequence),
    petitionId: record.petitionId,
    departmentCode: record.departmentCode,
    category: record.category,
    town: record.town,
    unit: record.unit,
    receivedAt: record.receivedAt.toISOString(),
    resolvedAt: record.resolvedAt.toISOString(),
    handlingSeconds: record.handlingSeconds,
    withinDeadline: record.withinDeadline,
    resultSummary: record.resultSummary,
    findings: record.findings,
    publishedAt: record.publishedAt.toISOString(),
    previousHash: record.previousHash,
    hash: record.hash,
  };
}
