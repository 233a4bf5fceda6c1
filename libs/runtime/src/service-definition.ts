import type { INestApplication, LoggerService, LogLevel, Type } from '@nestjs/common';
import type { OutboxPayloadCodec } from '@petitions/messaging';
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
  /**
   * Keep the raw request body (`req.rawBody`) and leave body parsing to `configureHttp` (e.g. to sign-check the
   * exact bytes and to set the body limit before anything else reads the body).
   */
  readonly rawBody?: boolean;
  /**
   * The service's own logger for everything Nest logs in its process (default: Nest's console logger), e.g. one that
   * masks personal data. It must print only the given levels.
   */
  createLogger?(logLevels: LogLevel[]): LoggerService;
  /** How its outbox keeps payloads at rest (default: as the JSON to publish), e.g. sealing personal data. */
  outboxCodec?(config: C): OutboxPayloadCodec;
  /** Service-specific HTTP setup (body parsers, OpenAPI, filters), run before the app listens. */
  configureHttp?(app: INestApplication, config: C): void | Promise<void>;
}

export function schemaOf(definition: ServiceDefinition, config: CommonConfig): string {
  return config.DATABASE_SCHEMA || definition.schema;
}
