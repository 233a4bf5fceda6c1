import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A petition that came in through Open311: which client's key filed it and what only Open311 carries. Only these
 * petitions are shown by the Open311 reads (never a hotline call or a chat-group message).
 */
@Entity({ name: 'open311_requests' })
export class Open311RequestEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  /** The keyId of the API key the request was filed with (INTAKE_OPEN311_KEYS). */
  @Column('text', { name: 'key_id' })
  keyId!: string;

  /** A photo or other media of the matter, as a URL on the client's side. */
  @Column('text', { name: 'media_url', nullable: true })
  mediaUrl!: string | null;
}
