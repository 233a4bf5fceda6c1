import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { IntakeConfig } from './config';
import { configureIntakeHttp } from './http/configure-http';
import { IntakeModule } from './intake.module';
import { GroupSplitEntity, MatterPetitionEntity, PetitionGroupEntity } from './grouping/group.entity';
import { intakeMigrations } from './migrations';
import { PetitionEntity } from './petitions/petition.entity';
import { MaskingLogger } from './reporters/masking-logger';
import { PetitionStatusEntity, PetitionTimelineEntity } from './tracking/tracking.entity';

// For scripts/rotate-pii-key.ts (scripts reach a service only through its definition).
export { PiiCipher } from './reporters/pii-cipher';
export { countPiiValuesByKeyId, rotatePiiKeys, type PiiRotationReport } from './reporters/pii-key-rotation';
// For scripts/grouping-calibrate.ts: the measure, the decision replayed, and the hand-written reports.
export type { MatterPetition } from './grouping/grouping-decision';
export { DEFAULT_GROUPING_POLICY, GroupingPolicy } from './grouping/grouping-policy';
export { arrivalOrder, replayGrouping } from './grouping/grouping-replay';
export { placesConflict, placesIn } from './grouping/places';
export * as sameMatterCorpus from './grouping/same-matter-corpus';
export { textSimilarity } from './grouping/text-similarity';

/**
 * Intake: where petitions enter, by `POST /petitions` or on `channel.inbound` (the transport derives that topic from
 * the consumer's handler and creates it with its `.dlq`). Stores each one once and announces it on `petition.events`.
 * Follows `routing.events`, `dept.responses` and `deadline.events` to answer `GET /petitions/track/{trackingCode}`,
 * and groups the petitions about one matter when they are assigned (`petition.grouped`, `petition.ungrouped`).
 */
export const intakeService: ServiceDefinition<IntakeConfig> = {
  name: 'intake',
  schema: 'intake',
  configClass: IntakeConfig,
  module: IntakeModule,
  entities: [
    PetitionEntity,
    PetitionStatusEntity,
    PetitionTimelineEntity,
    PetitionGroupEntity,
    MatterPetitionEntity,
    GroupSplitEntity,
  ],
  migrations: intakeMigrations,
  producedTopics: [Topics.petitionEvents],
  // Intake parses bodies itself: a size limit before anything else, and the exact bytes the channel signed.
  rawBody: true,
  configureHttp: configureIntakeHttp,
  // Masks phone and ID numbers in whatever reaches the log (intake holds the reporter's contact).
  createLogger: (logLevels) => new MaskingLogger(logLevels),
};
