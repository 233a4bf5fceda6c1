import { Topics } from '@petitions/contracts';
import type { ServiceDefinition } from '@petitions/runtime';
import { DisclosureConfig } from './config';
import { DisclosureModule } from './disclosure.module';
import { disclosureMigrations } from './migrations';
import { PublicRecordEntity } from './records/public-record.entity';

/** Disclosure: the public board. Publishes each reviewed petition, redacted, on a hash chain. */
export const disclosureService: ServiceDefinition<DisclosureConfig> = {
  name: 'disclosure',
  schema: 'disclosure',
  configClass: DisclosureConfig,
  module: DisclosureModule,
  entities: [PublicRecordEntity],
  migrations: disclosureMigrations,
  producedTopics: [Topics.disclosureEvents],
};
