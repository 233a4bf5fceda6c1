import { Logger, Module, type INestApplication, type LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import {
  BatchKafkaServer,
  Inbox,
  KafkaMessagePublisher,
  OutboxRelay,
  PropagateErrorsFilter,
} from '@petitions/messaging';
import { ConfigError, loadConfig, redactedConfig, UnitOfWork, type CommonConfig } from '@petitions/platform';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { schemaOf, type ServiceDefinition } from './service-definition';
import { ServiceRuntimeModule } from './service-runtime.module';
import { KAFKA, MESSAGE_PUBLISHER } from './tokens';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface RunningService {
  app: INestApplication;
  config: CommonConfig;
  shutdown(signal: string): Promise<void>;
}

/** Reads and validates the configuration; on error prints every bad variable and exits 1. */
function configOrExit<C extends CommonConfig>(definition: ServiceDefinition<C>): C {
  try {
    return loadConfig(definition.configClass);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Starts one service: config, database and migrations, Kafka consumers (batch transport), outbox relay, HTTP.
 * On SIGTERM/SIGINT: stop fetching and finish the batch in progress, stop HTTP and the service's loops, flush the
 * outbox, close the connections, exit 0 (exit 1 if that takes longer than SHUTDOWN_TIMEOUT_MS).
 */
export async function bootstrapService<C extends CommonConfig>(
  definition: ServiceDefinition<C>,
): Promise<RunningService> {
  const config = configOrExit(definition);
  const logger = new Logger(definition.name);
  const logLevels = LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL as LogLevel) + 1);

  @Module({ imports: [ServiceRuntimeModule.forService(definition, config), definition.module] })
  class ServiceRootModule {}

  // abortOnError false: a failure during start-up reaches runService, which says which service failed and why.
  const app = await NestFactory.create(ServiceRootModule, {
    logger: definition.createLogger?.(logLevels) ?? logLevels,
    abortOnError: false,
    ...(definition.rawBody ? { rawBody: true } : {}),
  });
  const server = new BatchKafkaServer({
    kafka: app.get<Kafka>(KAFKA),
    serviceName: definition.name,
    groupPrefix: config.KAFKA_CONSUMER_GROUP_PREFIX,
    unitOfWork: app.get(UnitOfWork),
    inbox: app.get(Inbox),
    deadLetters: app.get<KafkaMessagePublisher>(MESSAGE_PUBLISHER),
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    producedTopics: definition.producedTopics,
    maxAttempts: config.KAFKA_MAX_ATTEMPTS,
    retryBaseMs: config.KAFKA_RETRY_BASE_MS,
    partitionsConcurrency: config.KAFKA_PARTITIONS_CONCURRENCY,
    exitBeforeOffsetCommit: config.FAULT_EXIT_BEFORE_OFFSET_COMMIT,
  });
  app.useGlobalFilters(new PropagateErrorsFilter(app.get(HttpAdapterHost).httpAdapter));
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  await definition.configureHttp?.(app, config);
  await app.startAllMicroservices();
  const relay = app.get(OutboxRelay);
  relay.start();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);

  logger.log(
    `ready: http://${config.HTTP_HOST}:${config.HTTP_PORT} · schema ${schemaOf(definition, config)} · consumes ` +
      `[${server.consumedTopics().join(', ')}] · produces [${definition.producedTopics.join(', ')}]`,
  );
  logger.debug(`configuration ${JSON.stringify(redactedConfig(config))}`);

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string): Promise<void> => {
    closing ??= (async () => {
      logger.log(`${signal}: stopping`);
      const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
      const watchdog = setTimeout(() => {
        logger.error(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS);
      watchdog.unref();
      // 1. Stop fetching; kafkajs lets the batch in progress finish, and the transport commits its offsets.
      await server.close();
      // 2. Stop HTTP and the application's own loops (Nest's shutdown hooks). The DataSource stays open: the relay
      //    still needs it, and it is closed last, by hand.
      const dataSource = app.get(DataSource);
      const publisher = app.get<KafkaMessagePublisher>(MESSAGE_PUBLISHER);
      await app.close();
      // 3. Publish everything committed so far, then let go of Kafka and PostgreSQL.
      await relay.stop(Math.max(1000, deadline - Date.now() - 2000));
      await publisher.disconnect();
      if (dataSource.isInitialized) await dataSource.destroy();
      clearTimeout(watchdog);
      logger.log('stopped cleanly');
    })();
    return closing;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
  return { app, config, shutdown };
}

/** Entry point of a service's main.ts: starts it, or prints why it could not start and exits 1. */
export function runService<C extends CommonConfig>(definition: ServiceDefinition<C>): void {
  bootstrapService(definition).catch((error: unknown) => {
    process.stderr.write(`${definition.name} failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
