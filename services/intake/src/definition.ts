import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { IntakeConfig } from './config';
import { IntakeModule } from './intake.module';
import { intakeMigrations } from './migrations';
import { PetitionEntity } from './petitions/petition.entity';

/** Intake: where petitions enter. Stores each one once and announces it on `petition.events`. */
export const intakeService: ServiceDefinition<IntakeConfig> = {
  name: 'intake',
  schema: 'intake',
  configClass: IntakeConfig,
  module: IntakeModule,
  entities: [PetitionEntity],
  migrations: intakeMigrations,
  producedTopics: [Topics.petitionEvents],
};
