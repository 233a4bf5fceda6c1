import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { Secret } from './load-config';

/**
 * Variables every service reads. Property names are the environment variable names; initialisers are defaults.
 * A service's own config class extends this one (and sets its own HTTP_PORT default).
 */
export class CommonConfig {
  @Secret()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Overrides the service's own schema name (e.g. for a deployment that gives each service its own database). */
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/, { message: 'must be a lower-case SQL identifier (or empty)' })
  DATABASE_SCHEMA = '';

  /** ≥ consumed topics × KAFKA_PARTITIONS_CONCURRENCY + 2 (accountability: 4 × 2 + 2). */
  @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE = 12;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Prefix of this deployment's consumer-group ids, so that two environments can share one cluster. */
  @Matches(/^[A-Za-z0-9._-]{0,100}$/, { message: 'may contain only letters, digits, ".", "_" and "-"' })
  KAFKA_CONSUMER_GROUP_PREFIX = '';

  @IsInt() @Min(1) @Max(1000) KAFKA_TOPIC_PARTITIONS = 12;
  @IsInt() @Min(1) @Max(100) KAFKA_MAX_ATTEMPTS = 5;
  @IsInt() @Min(1) @Max(60000) KAFKA_RETRY_BASE_MS = 200;
  @IsInt() @Min(1) @Max(64) KAFKA_PARTITIONS_CONCURRENCY = 2;

  @IsInt() @Min(1) @Max(65535) HTTP_PORT = 3000;
  @IsString() @Matches(/^[0-9.:a-fA-F]+$|^localhost$/) HTTP_HOST = '0.0.0.0';

  @IsBoolean() MIGRATIONS_RUN = true;
  @IsInt() @Min(1000) @Max(120000) SHUTDOWN_TIMEOUT_MS = 30000;
  /** Crash tests only: exit right after a batch's effects commit, before its offsets do. Never set in production. */
  @IsBoolean() FAULT_EXIT_BEFORE_OFFSET_COMMIT = false;
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL = 'log';
}
