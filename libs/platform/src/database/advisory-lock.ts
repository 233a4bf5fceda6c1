import type { UnitOfWork } from './unit-of-work';

/**
 * Serialises the current transaction with every other transaction that takes the same key, until commit.
 * Used where handlers on different topics touch one petition (cross-topic reordering) or one chain head.
 */
export async function lockForTransaction(unitOfWork: UnitOfWork, key: string): Promise<void> {
  await unitOfWork.transactional().query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
