import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A petition (诉求) as intake stored it. The channel's own message id makes resubmission idempotent. */
@Entity({ name: 'petitions' })
@Index('petitions_channel_message_uq', ['channel', 'channelMessageId'], { unique: true })
export class PetitionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'tracking_code', unique: true })
  trackingCode!: string;

  @Column('text')
  channel!: string;

  @Column('text', { name: 'channel_message_id' })
  channelMessageId!: string;

  @Column('text')
  text!: string;

  @Column('text', { nullable: true })
  town!: string | null;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('text', { nullable: true })
  grid!: string | null;

  /** Free-text location in the reporter's words, when no code fits. */
  @Column('text', { nullable: true })
  address!: string | null;

  @Column('double precision', { nullable: true })
  latitude!: number | null;

  @Column('double precision', { nullable: true })
  longitude!: number | null;

  /** The category the channel provided (an Open311 service_code), if any. */
  @Column('text', { name: 'channel_category', nullable: true })
  channelCategory!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  // The reporter's contact, each sealed by PiiCipher (`v1:<keyId>:<iv>:<tag>:<ciphertext>`); never plain text.
  @Column('text', { name: 'reporter_name', nullable: true })
  reporterName!: string | null;

  @Column('text', { name: 'reporter_phone', nullable: true })
  reporterPhone!: string | null;

  @Column('text', { name: 'reporter_id_number', nullable: true })
  reporterIdNumber!: string | null;

  @Column('text', { name: 'reporter_handle', nullable: true })
  reporterHandle!: string | null;
}
