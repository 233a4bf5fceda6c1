import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { AccountabilityModule } from './accountability.module';
import { AccountabilityConfig } from './config';
import { HistoryEventEntity, PetitionFileEntity } from './history/history.entity';
import { accountabilityMigrations } from './migrations';

/** Accountability: keeps every petition's whole history and reviews it against the rules. */
export const accountabilityService: ServiceDefinition<AccountabilityConfig> = {
  name: 'accountability',
  schema: 'accountability',
  configClass: AccountabilityConfig,
  module: AccountabilityModule,
  entities: [HistoryEventEntity, PetitionFileEntity],
  migrations: accountabilityMigrations,
  producedTopics: [Topics.accountabilityEvents],
};
