import { CommonConfig, Secret } from '@petitions/platform';
import { IsInt, Max, Min, ValidateBy } from 'class-validator';
import { demoCredentialsJson, IsChannelCredentials } from './channel-auth/channel-credentials';
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
}
