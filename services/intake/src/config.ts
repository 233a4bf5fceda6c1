import { CommonConfig, Secret } from '@petitions/platform';
import { IsInt, IsNumber, Matches, Max, Min, ValidateBy } from 'class-validator';
import { demoCredentialsJson, IsChannelCredentials } from './channel-auth/channel-credentials';
import { DEFAULT_GROUPING_MIN_SIMILARITY, DEFAULT_GROUPING_WINDOW_HOURS } from './grouping/grouping-policy';
import { DEMO_OPERATOR_TOKENS, IsOperatorTokens } from './grouping/operator-auth/operator-tokens';
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

  /** Proxies in front of intake that append to X-Forwarded-For; 0 ignores the header (it is forgeable). */
  @IsInt() @Min(0) @Max(10) INTAKE_TRUST_PROXY = 0;

  /**
   * Operators who may look at groups and split petitions out of them (`/admin/...`): a JSON object
   * `{"<operatorId>": "<bearer token of at least 32 characters>"}`. The default is the public demo operator (a
   * warning is logged at start): development only.
   */
  @Secret() @IsOperatorTokens() INTAKE_OPERATOR_TOKENS = DEMO_OPERATOR_TOKENS;

  /** Same-matter grouping: how far apart (hours, by reception) the petitions of one matter may be. */
  @IsInt() @Min(1) @Max(720) INTAKE_GROUPING_WINDOW_HOURS = DEFAULT_GROUPING_WINDOW_HOURS;

  /** Same-matter grouping: the least text similarity (0–1) to join a group; 1 groups only identical texts. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  INTAKE_GROUPING_MIN_SIMILARITY = DEFAULT_GROUPING_MIN_SIMILARITY;
}
