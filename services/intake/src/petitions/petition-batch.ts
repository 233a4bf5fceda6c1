import type { ChannelMessageKey, StoredPetition } from './petition.repository';
import type { PetitionAccepted } from './submit-petition.dto';

/** A submission ready to store: the new petition's id and tracking code, and the channel message it came from. */
export interface NewPetition extends ChannelMessageKey {
  readonly id: string;
  readonly trackingCode: string;
}

function keyOf(message: ChannelMessageKey): string {
  // JSON: no separator character can make two different keys read the same.
  return JSON.stringify([message.channel, message.channelMessageId]);
}

/**
 * Within one batch the same channel message may come twice (a channel retrying quickly): only its first submission
 * is offered to the database. `firsts`: the indexes of those; `firstOf[i]`: the index of submission i's first.
 */
export function firstOfEachMessage(messages: readonly ChannelMessageKey[]): {
  firsts: number[];
  firstOf: number[];
} {
  const seen = new Map<string, number>();
  const firsts: number[] = [];
  const firstOf = messages.map((message, index) => {
    const key = keyOf(message);
    const first = seen.get(key);
    if (first !== undefined) return first;
    seen.set(key, index);
    firsts.push(index);
    return index;
  });
  return { firsts, firstOf };
}

/**
 * Each submission's answer once its batch is stored: a fresh petition for the first submission of a message that
 * was inserted; the same petition, as a duplicate, for later submissions of that message in the batch; the stored
 * petition, as a duplicate, for a message stored before. A message neither inserted nor found fails alone.
 */
export function answersOf(
  batch: readonly NewPetition[],
  firstOf: readonly number[],
  inserted: ReadonlySet<string>,
  storedBefore: readonly StoredPetition[],
): PromiseSettledResult<PetitionAccepted>[] {
  const stored = new Map(storedBefore.map((petition) => [keyOf(petition), petition]));
  return batch.map((submission, index) => {
    const first = batch[firstOf[index]!]!;
    if (inserted.has(first.id)) {
      const duplicate = firstOf[index] !== index;
      return { status: 'fulfilled', value: { petitionId: first.id, trackingCode: first.trackingCode, duplicate } };
    }
    const existing = stored.get(keyOf(submission));
    if (!existing) {
      return { status: 'rejected', reason: new Error('petition vanished between conflict and lookup') };
    }
    return {
      status: 'fulfilled',
      value: { petitionId: existing.id, trackingCode: existing.trackingCode, duplicate: true },
    };
  });
}
