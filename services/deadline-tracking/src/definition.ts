import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { ClockEntity, ResolutionEntity } from './clocks/clock.entity';
import { DeadlineTrackingConfig } from './config';
import { DeadlineTrackingModule } from './deadline-tracking.module';
import { deadlineTrackingMigrations } from './migrations';

/** Deadline tracking: the petitions' clocks; arms, fires and stops them and announces each step. */
export const deadlineTrackingService: ServiceDefinition<DeadlineTrackingConfig> = {
  name: 'deadline-tracking',
  schema: 'deadlines',
  configClass: DeadlineTrackingConfig,
  module: DeadlineTrackingModule,
  entities: [ClockEntity, ResolutionEntity],
  migrations: deadlineTrackingMigrations,
  producedTopics: [Topics.deadlineEvents],
};
