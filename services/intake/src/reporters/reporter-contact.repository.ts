import { qualifiedTable, type UnitOfWork } from '@petitions/platform';
import { PetitionEntity } from '../petitions/petition.entity';
import { REPORTER_CONTACT_COLUMNS, REPORTER_CONTACT_FIELDS, type SealedReporterContact } from './reporter-contact';

export interface StoredReporterContact extends SealedReporterContact {
  petitionId: string;
}

const COLUMNS = REPORTER_CONTACT_FIELDS.map((field) => REPORTER_CONTACT_COLUMNS[field]);
// A sealed value is `v1:<keyId>:…`: its key id is the second field.
const KEY_ID_OF = (column: string): string => `split_part(${column}, ':', 2)`;

/** The sealed reporter columns of intake.petitions, for key rotation (writes need a transaction). */
export class ReporterContactRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private table(): string {
    return qualifiedTable(this.unitOfWork.reader(), PetitionEntity);
  }

  /**
   * Up to `limit` petitions after `afterId` (in id order) with a reporter value sealed under another key than
   * `keyId`, locked until the transaction ends.
   */
  lockNotSealedWith(keyId: string, afterId: string, limit: number): Promise<StoredReporterContact[]> {
    const stale = COLUMNS.map((column) => `${KEY_ID_OF(column)} <> $2`).join(' OR ');
    const selected = REPORTER_CONTACT_FIELDS.map((field) => `${REPORTER_CONTACT_COLUMNS[field]} AS "${field}"`);
    return this.unitOfWork
      .transactional()
      .query<StoredReporterContact[]>(
        `SELECT id AS "petitionId", ${selected.join(', ')} FROM ${this.table()} ` +
          `WHERE id > $1 AND (${stale}) ORDER BY id LIMIT $3 FOR UPDATE`,
        [afterId, keyId, limit],
      );
  }

  async update(contact: StoredReporterContact): Promise<void> {
    const assignments = COLUMNS.map((column, index) => `${column} = $${index + 2}`).join(', ');
    await this.unitOfWork
      .transactional()
      .query(`UPDATE ${this.table()} SET ${assignments} WHERE id = $1`, [
        contact.petitionId,
        ...REPORTER_CONTACT_FIELDS.map((field) => contact[field]),
      ]);
  }

  /** How many stored reporter values each key id sealed. */
  async countByKeyId(): Promise<Record<string, number>> {
    const union = COLUMNS.map(
      (column) => `SELECT ${KEY_ID_OF(column)} AS key_id FROM ${this.table()} WHERE ${column} IS NOT NULL`,
    ).join(' UNION ALL ');
    const rows = await this.unitOfWork
      .reader()
      .query<{ key_id: string; count: number }[]>(
        `SELECT key_id, count(*)::int AS count FROM (${union}) v GROUP BY key_id ORDER BY key_id`,
      );
    return Object.fromEntries(rows.map((row) => [row.key_id, row.count]));
  }
}
