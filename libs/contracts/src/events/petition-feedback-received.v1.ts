import { IsBoolean, IsISO8601, IsUUID } from 'class-validator';

/**
 * petition.events · `petition.feedback-received` v1: the resident answered the survey on the petition's resolution.
 * No personal data, and not the resident's comment either: only whether they were satisfied (the satisfaction rate,
 * 满意率). An unsatisfied answer is followed by `petition.reopened`, which carries their words to whoever acts.
 */
export class PetitionFeedbackReceivedV1 {
  static readonly type = 'petition.feedback-received';
  static readonly version = 1;

  @IsUUID() petitionId!: string;
  @IsBoolean() satisfied!: boolean;
  @IsISO8601({ strict: true }) receivedAt!: string;
}
