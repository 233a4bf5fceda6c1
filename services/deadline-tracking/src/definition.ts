import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { ExtensionEntity, HoldingEntity, ParkedReopenEntity, PauseEntity } from './clocks/clock-life.entity';
import { AcknowledgementEntity, ClockEntity, ClockStepEntity, ResolutionEntity } from './clocks/clock.entity';
import { TimeOffsetEntity } from './time/time-offset.entity';
import { TimerEntity } from './timers/timer.entity';
import { DeadlineTrackingConfig } from './config';
import { DeadlineTrackingModule } from './deadline-tracking.module';
import { deadlineTrackingMigrations } from './migrations';

/** Deadline tracking: the petitions' clocks; arms, fires and stops them and announces each step. */
export const deadlineTrackingService: ServiceDefinition<DeadlineTrackingConfig> = {
  name: 'deadline-tracking',
  schema: 'deadlines',
  configClass: DeadlineTrackingConfig,
  module: DeadlineTrackingModule,
  entities: [
    ClockEntity,
    ClockStepEntity,
    ResolutionEntity,
    AcknowledgementEntity,
    HoldingEntity,
    PauseEntity,
    ExtensionEntity,
    ParkedReopenEntity,
    TimerEntity,
    TimeOffsetEntity,
  ],
  migrations: deadlineTrackingMigrations,
  producedTopics: [Topics.deadlineEvents],
};
