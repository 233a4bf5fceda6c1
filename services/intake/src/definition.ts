import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { IntakeConfig } from './config';
import { configureIntakeHttp } from './http/configure-http';
import { IntakeModule } from './intake.module';
import { intakeMigrations } from './migrations';
import { PetitionFeedbackEntity } from './feedback/feedback.entity';
import { Open311RequestEntity } from './open311/open311-request.entity';
import { sealedRepliesCodec } from './outbound/sealed-replies.codec';
import { PetitionEntity } from './petitions/petition.entity';
import { MaskingLogger } from './reporters/masking-logger';
import { parsePiiKeyring, PiiCipher } from './reporters/pii-cipher';
import { PetitionStatusEntity, PetitionTimelineEntity } from './tracking/tracking.entity';

// For scripts/rotate-pii-key.ts (scripts reach a service only through its definition).
export { PiiCipher } from './reporters/pii-cipher';
export { countPiiValuesByKeyId, rotatePiiKeys, type PiiRotationReport } from './reporters/pii-key-rotation';

/**
 * Intake: where petitions enter, by `POST /petitions` or on `channel.inbound` (the transport derives that topic from
 * the consumer's handler and creates it with its `.dlq`). Stores each one once and announces it on `petition.events`.
 * Follows `petition.events`, `routing.events`, `dept.responses` and `deadline.events` to answer
 * `GET /petitions/track/{trackingCode}` and to talk back to the citizen on `channel.outbound`; takes their answer to
 * the survey (`POST /petitions/feedback`, `channel.inbound`) and reopens the petition when they are not satisfied.
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
    Open311RequestEntity,
    PetitionFeedbackEntity,
  ],
  migrations: intakeMigrations,
  producedTopics: [Topics.petitionEvents, Topics.channelOutbound],
  // Replies name their recipient: sealed at rest in the outbox, opened as they are published (no warning here: the
  // module's PiiCipher gives the demo-key warning once).
  outboxCodec: (config) => sealedRepliesCodec(new PiiCipher(parsePiiKeyring(config.INTAKE_PII_KEYS))),
  // Intake parses bodies itself: a size limit before anything else, and the exact bytes the channel signed.
  rawBody: true,
  configureHttp: configureIntakeHttp,
  // Masks phone and ID numbers in whatever reaches the log (intake holds the reporter's contact).
  createLogger: (logLevels) => new MaskingLogger(logLevels),
};
