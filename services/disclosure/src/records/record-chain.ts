import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  sequence: string;
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
}

/** sha256 over the previous hash and the record's fields in a fixed order: anyone can recompute it. */
export function chainHash(previousHash: string, fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.id,
    fields.sequence,
    fields.petitionId,
    fields.departmentCode,
    fields.category,
    fields.town,
    fields.unit,
    fields.receivedAt,
    fields.resolvedAt,
    fields.handlingSeconds,
    fields.withinDeadline,
    fields.resultSummary,
    fields.findings,
    fields.publishedAt,
  ]);
  return createHash('sha256').update(previousHash).update('\n').update(canonical).digest('hex');
}
