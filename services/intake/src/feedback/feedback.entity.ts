import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A citizen's answer to the survey on one resolution of their petition: one per (channel, channel message), so a
 * resent answer is the same answer, and one per resolution, so the first answer to a result is the one that counts.
 * The comment is the citizen's own words, kept like the petition's text.
 */
@Entity({ name: 'petition_feedback' })
@Index('petition_feedback_channel_message_uq', ['channel', 'channelMessageId'], { unique: true })
@Index('petition_feedback_resolution_uq', ['petitionId', 'resolvedAt'], { unique: true })
export class PetitionFeedbackEntity {
  /** The id of the `petition.feedback-received` event the answer made. */
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('uuid', { name: 'petition_id' })
  petitionId!: string;

  @Column('text')
  channel!: string;

  @Column('text', { name: 'channel_message_id' })
  channelMessageId!: string;

  /** The resolution answered (the department's `resolvedAt`). */
  @Column('timestamptz', { name: 'resolved_at' })
  resolvedAt!: Date;

  @Column('boolean')
  satisfied!: boolean;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;
}
