import { CommonConfig, Secret } from '@petitions/platform';
import { IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { demoCredentialsJson, IsChannelCredentials } from './channel-auth/channel-credentials';
import { DEFAULT_RATE_LIMITS, IsRateLimits } from './rate-limit/rate-limit-rules';
import { DEMO_PII_KEYS, piiKeyringProblems } from './reporters/pii-cipher';

/** INTAKE_PII_KEYS must be a usable keyring; the message lists every problem without quoting the secret. */
function IsPiiKeyring(): PropertyDecorator {
  return ValidateBy({
    name: 'isPiiKeyring',
    validator: {
      validate: (value: unknown) => piiKeyringProblems(value).length === 0,
      // class-validator expands $value in a message: a "$" from a key id must not turn into the secret.
      defaultMessage: (args) => piiKeyringProblems(args?.value).join('; ').replaceAll('$', '＄'),
    },
  });
}

export class IntakeConfig extends CommonConfig {
  override HTTP_PORT = 3001;

  /**
   * Keys that encrypt the reporter's personal data at rest: `{"current": "<keyId>", "keys": {"<keyId>": "<base64
   * of 32 bytes>"}}`. The default is the public demo key (a warning is logged at start): development only.
   */
  @Secret() @IsPiiKeyring() INTAKE_PII_KEYS = DEMO_PII_KEYS;

  /**
   * Who may call `POST /petitions`: a JSON array of `{"keyId", "channel", "secret" (≥ 32 characters), "status":
   * "active" | "retired"}`, at most two active keys per channel (rotation). The default is one public demo key per
   * channel (`demo-<channel>`; a warning is logged at start): development only.
   */
  @Secret() @IsChannelCredentials() INTAKE_CHANNEL_CREDENTIALS = demoCredentialsJson();

  /** Largest request body intake reads (bytes); a larger one is answered 413 before anything else. */
  @IsInt() @Min(1024) @Max(1048576) INTAKE_BODY_LIMIT_BYTES = 65536;

  /** Redis, where every replica's rate-limit counters live. Secret: the URL may carry a password. */
  @Secret()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Rate limits per bucket: `{"channel-key"|"source"|"tracking-lookup": {"limit", "windowSeconds"}}`; buckets left
   * out keep their defaults (rate-limit-rules.ts).
   */
  @IsRateLimits() INTAKE_RATE_LIMITS = JSON.stringify(DEFAULT_RATE_LIMITS);

  /** Prefix of the Redis keys; two deployments (or test runs) sharing one Redis give each its own. */
  @Matches(/^intake:rl:([A-Za-z0-9._-]{1,64}:)?$/, { message: 'must be intake:rl: or intake:rl:<name>:' })
  INTAKE_RATE_LIMIT_PREFIX = 'intake:rl:';

  /**
   * Group commit of `POST /petitions`: submissions that arrive together share one transaction (docs/benchmarks.md).
   * At most this many petitions per transaction…
   */
  @IsInt() @Min(1) @Max(1000) INTAKE_GROUP_COMMIT_MAX_BATCH = 128;
  /** …at most this many such transactions at once (each holds one of the DATABASE_POOL_SIZE connections)… */
  @IsInt() @Min(1) @Max(32) INTAKE_GROUP_COMMIT_CONCURRENCY = 2;
  /** …and a batch's first petition waits at most this long (ms) for others while a connection is free. */
  @IsInt() @Min(0) @Max(100) INTAKE_GROUP_COMMIT_MAX_WAIT_MS = 0;
  /** Proxies in front of intake that append to X-Forwarded-For; 0 ignores the header (it is forgeable). */
  @IsInt() @Min(0) @Max(10) INTAKE_TRUST_PROXY = 0;
}
