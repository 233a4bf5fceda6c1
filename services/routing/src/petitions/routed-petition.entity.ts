import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What routing keeps of a petition it received (`petition.received`): enough to decide again later (triage, a
 * transfer, a review) and to turn the final decision into a training label. No personal data: intake keeps that.
 */
@Entity({ name: 'petitions' })
export class RoutedPetitionEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text')
  channel!: string;

  @Column('text')
  text!: string;

  /** Where, as routing located it (the channel's codes, the chat group's grid or a place named in the text). */
  @Column('text', { nullable: true })
  town!: string | null;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('text', { nullable: true })
  grid!: string | null;

  @Column('text', { name: 'location_source' })
  locationSource!: string;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('double precision', { nullable: true })
  latitude!: number | null;

  @Column('double precision', { nullable: true })
  longitude!: number | null;

  /** The category the channel gave (an Open311 service code), as given. */
  @Column('text', { name: 'channel_category', nullable: true })
  channelCategory!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  /** The `petition.received` event: the cause of routing's first event, and the story's correlation id. */
  @Column('uuid', { name: 'received_event_id' })
  receivedEventId!: string;

  @Column('uuid', { name: 'correlation_id' })
  correlationId!: string;
}
