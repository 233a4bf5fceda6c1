import type { UnitOfWork } from '@petitions/platform';
import type { PiiCipher } from './pii-cipher';
import { REPORTER_CONTACT_COLUMNS, REPORTER_CONTACT_FIELDS } from './reporter-contact';
import { ReporterContactRepository, type StoredReporterContact } from './reporter-contact.repository';

export interface PiiRotationOptions {
  unitOfWork: UnitOfWork;
  cipher: PiiCipher;
  /** Petitions per transaction. */
  batchSize: number;
  /** Called after each committed batch (progress for the operator: ids and counts only). */
  onBatch?: (progress: { batch: number; petitions: number; lastPetitionId: string }) => void;
}

export interface PiiRotationReport {
  currentKeyId: string;
  /** Stored values per key id, before and after. */
  before: Record<string, number>;
  after: Record<string, number>;
  petitionsUpdated: number;
  valuesReencrypted: number;
}

/** How many stored reporter values each key id sealed (changes nothing). */
export function countPiiValuesByKeyId(unitOfWork: UnitOfWork): Promise<Record<string, number>> {
  return new ReporterContactRepository(unitOfWork).countByKeyId();
}

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

function reencrypted(
  cipher: PiiCipher,
  contact: StoredReporterContact,
): { contact: StoredReporterContact; values: number } {
  const next: StoredReporterContact = { ...contact };
  let values = 0;
  for (const field of REPORTER_CONTACT_FIELDS) {
    const sealed = contact[field];
    if (sealed === null) continue;
    try {
      next[field] = cipher.reencrypt(sealed);
    } catch (error) {
      // Names the row and column, never the value.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`petition ${contact.petitionId} ${REPORTER_CONTACT_COLUMNS[field]}: ${reason}`);
    }
    if (next[field] !== sealed) values++;
  }
  return { contact: next, values };
}

/**
 * Re-encrypts every stored reporter value that another key sealed under the current key, in batches of
 * `batchSize` petitions, one transaction each (rows locked while they change). Idempotent: values already under
 * the current key are never selected, so a second run, or a run after an interruption, does only what is left.
 * Stops at the first value it cannot open (its key is missing from INTAKE_PII_KEYS, or it was altered).
 */
export async function rotatePiiKeys(options: PiiRotationOptions): Promise<PiiRotationReport> {
  const { unitOfWork, cipher, batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  const repository = new ReporterContactRepository(unitOfWork);
  const before = await repository.countByKeyId();
  let afterId = FIRST_UUID;
  let petitionsUpdated = 0;
  let valuesReencrypted = 0;
  for (let batch = 1; ; batch++) {
    const contacts = await unitOfWork.run(async () => {
      const stale = await repository.lockNotSealedWith(cipher.currentKeyId, afterId, batchSize);
      for (const stored of stale) {
        const { contact, values } = reencrypted(cipher, stored);
        await repository.update(contact);
        valuesReencrypted += values;
      }
      return stale;
    });
    const last = contacts[contacts.length - 1];
    if (!last) break;
    petitionsUpdated += contacts.length;
    afterId = last.petitionId;
    options.onBatch?.({ batch, petitions: contacts.length, lastPetitionId: last.petitionId });
  }
  return {
    currentKeyId: cipher.currentKeyId,
    before,
    after: await repository.countByKeyId(),
    petitionsUpdated,
    valuesReencrypted,
  };
}
