import { Injectable } from '@nestjs/common';
import { PiiCipher } from '../reporters/pii-cipher';
import { addressOf } from './recipient-address';
import { RecipientRepository, type SealedRecipient } from './recipient.repository';
import { RecipientDirectory, type Recipient } from './recipients';

/** The default directory: a petition's replies go to its own reporter only. */
@Injectable()
export class ReporterRecipients extends RecipientDirectory {
  constructor(
    private readonly repository: RecipientRepository,
    private readonly cipher: PiiCipher,
  ) {
    super();
  }

  async recipientsOf(petitionId: string): Promise<Recipient[]> {
    const stored = await this.repository.sealedRecipients([petitionId]);
    return stored.flatMap((petition) => this.reachable(petition));
  }

  /** The petition's reporter as a recipient, when their channel can reach them (opened here, and only here). */
  private reachable(petition: SealedRecipient): Recipient[] {
    const open = (sealed: string | null): string | undefined =>
      sealed === null ? undefined : this.cipher.decrypt(sealed);
    const address = addressOf(petition.channel, {
      handle: open(petition.reporterHandle),
      phone: open(petition.reporterPhone),
    });
    if (!address) return [];
    const { id, trackingCode, channel, channelMessageId } = petition;
    return [{ petitionId: id, trackingCode, channel, channelMessageId, address }];
  }
}
