import type { Type } from '@nestjs/common';
import type { CommonConfig } from '@petitions/platform';

/** Everything the runtime needs to know to host one service. */
export interface ServiceDefinition<C extends CommonConfig = CommonConfig> {
  /** Also the Kafka client id, the producer name in envelopes and the consumer-group prefix. */
  readonly name: string;
  /** Default PostgreSQL schema (DATABASE_SCHEMA overrides it). */
  readonly schema: string;
  readonly configClass: new () => C;
  /** The service's feature module: its controllers, consumers, services and repositories. */
  readonly module: Type;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: readonly Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: readonly Function[];
  /** Topics it writes to (created at start if missing). */
  readonly producedTopics: readonly string[];
}

export function schemaOf(definition: ServiceDefinition, config: CommonConfig): string {
  return config.DATABASE_SCHEMA || definition.schema;
}
