import type { RecipientKind } from '@petitions/contracts';
import { DEMO_DISTRICT, type District } from '@petitions/district';

/** Where a channel delivers a reply: the kind of address and the address itself (personal data). */
export interface RecipientAddress {
  kind: RecipientKind;
  value: string;
}

/** The reporter's contact as stored on the petition, opened: only the parts a reply can be addressed to. */
export interface ReachableContact {
  handle?: string;
  phone?: string;
}

/** Channel kinds (district.json) whose system can call or text a phone number back: the 12345 hotline. */
const PHONE_CHANNEL_KINDS: ReadonlySet<string> = new Set(['hotline']);

/**
 * Where the petition's channel can reach its reporter, or null when it cannot. Pure. The channel's own handle
 * (a chat-group member, an app user) comes first, whatever the channel: it is how the petition came in. Without
 * one, a channel that calls or texts back (the hotline) uses the phone; a chat group or the app cannot deliver to
 * a phone number, so a reporter who left only a phone there gets no reply (they still have the tracking lookup).
 */
export function addressOf(
  channel: string,
  contact: ReachableContact,
  district: District = DEMO_DISTRICT,
): RecipientAddress | null {
  if (contact.handle !== undefined) return { kind: 'handle', value: contact.handle };
  const kind = district.channels.find((candidate) => candidate.code === channel)?.kind;
  if (contact.phone !== undefined && kind !== undefined && PHONE_CHANNEL_KINDS.has(kind)) {
    return { kind: 'phone', value: contact.phone };
  }
  return null;
}
