import type { RecipientAddress } from './recipient-address';

/** Someone a reply about a petition goes to, with their own petition: the one they can look up and answer for. */
export interface Recipient {
  petitionId: string;
  trackingCode: string;
  /** The channel their petition came in through, and its id of their message: the reply goes back the same way. */
  channel: string;
  channelMessageId: string;
  address: RecipientAddress;
}

/**
 * Who hears about a petition (the fan-out seam). Today: the petition's own reporter, when their channel can reach
 * them. Same-matter grouping (#3 §5) will add the reporters of the other petitions in the petition's group, each
 * with their own petition, tracking code and channel. Whoever is returned gets every update; a receipt goes only to
 * the recipients whose own petition it is.
 */
export abstract class RecipientDirectory {
  abstract recipientsOf(petitionId: string): Promise<Recipient[]>;
}
