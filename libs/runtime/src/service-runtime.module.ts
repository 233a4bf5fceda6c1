import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import {
  createKafka,
  describeCluster,
  EventFactory,
  Inbox,
  InboxMessageEntity,
  KafkaMessagePublisher,
  Outbox,
  OutboxMessageEntity,
  OutboxRelay,
  parseBrokers,
} from '@petitions/messaging';
import {
  CLOCK,
  createServiceDataSource,
  HealthController,
  READINESS_PROBES,
  runServiceMigrations,
  SystemClock,
  UnitOfWork,
  type Clock,
  type CommonConfig,
  type ReadinessProbe,
} from '@petitions/platform';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { schemaOf, type ServiceDefinition } from './service-definition';
import { KAFKA, MESSAGE_PUBLISHER, SERVICE_CONFIG } from './tokens';

/** Wires the infrastructure every service shares: config, clock, database, outbox/inbox, Kafka, health. */
@Global()
@Module({})
export class ServiceRuntimeModule {
  static forService(
    definition: ServiceDefinition,
    config: CommonConfig,
    clock: Clock = new SystemClock(),
  ): DynamicModule {
    const schema = schemaOf(definition, config);
    const codec = definition.outboxCodec?.(config);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: definition.configClass, useValue: config },
      { provide: CLOCK, useValue: clock },
      {
        provide: DataSource,
        useFactory: async () => {
          const dataSource = createServiceDataSource({
            url: config.DATABASE_URL,
            schema,
            applicationName: definition.name,
            poolSize: config.DATABASE_POOL_SIZE,
            entities: [...definition.entities, OutboxMessageEntity, InboxMessageEntity],
            migrations: [...definition.migrations],
          });
          await dataSource.initialize();
          if (config.MIGRATIONS_RUN) await runServiceMigrations(dataSource, schema);
          return dataSource;
        },
      },
      { provide: UnitOfWork, useFactory: (ds: DataSource) => new UnitOfWork(ds), inject: [DataSource] },
      { provide: Inbox, useFactory: (uow: UnitOfWork) => new Inbox(uow), inject: [UnitOfWork] },
      { provide: Outbox, useFactory: (uow: UnitOfWork) => new Outbox(uow, schema, codec), inject: [UnitOfWork] },
      { provide: EventFactory, useFactory: (c: Clock) => new EventFactory(definition.name, c), inject: [CLOCK] },
      {
        provide: KAFKA,
        useFactory: () =>
          createKafka({
            brokers: parseBrokers(config.KAFKA_BROKERS),
            clientId: definition.name,
            topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          }),
      },
      { provide: MESSAGE_PUBLISHER, useFactory: (kafka: Kafka) => new KafkaMessagePublisher(kafka), inject: [KAFKA] },
      {
        provide: OutboxRelay,
        useFactory: (ds: DataSource, publisher: KafkaMessagePublisher) =>
          new OutboxRelay(ds, publisher, { databaseUrl: config.DATABASE_URL, schema, codec }),
        inject: [DataSource, MESSAGE_PUBLISHER],
      },
      {
        provide: READINESS_PROBES,
        useFactory: (ds: DataSource, kafka: Kafka): ReadinessProbe[] => [
          { name: 'postgres', check: async () => void (await ds.query('SELECT 1')) },
          { name: 'kafka', check: () => describeCluster(kafka) },
        ],
        inject: [DataSource, KAFKA],
      },
    ];
    return {
      module: ServiceRuntimeModule,
      controllers: [HealthController],
      providers,
      exports: providers.flatMap((provider) => ('provide' in provider ? [provider.provide] : [])),
    };
  }
}
