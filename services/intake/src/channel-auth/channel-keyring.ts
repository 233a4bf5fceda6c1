import { Logger } from '@nestjs/common';
import { type ChannelCredential, isDemoCredential, parseChannelCredentials } from './channel-credentials';

/** The channels' signing keys by keyId, from the validated INTAKE_CHANNEL_CREDENTIALS. */
export class ChannelKeyring {
  private readonly byKeyId: ReadonlyMap<string, ChannelCredential>;

  constructor(credentials: readonly ChannelCredential[]) {
    this.byKeyId = new Map(credentials.map((credential) => [credential.keyId, credential]));
  }

  /** Warns once when a public demo key is active: anyone can sign with it. */
  static fromConfig(json: string, logger: Pick<Logger, 'warn'> = new Logger(ChannelKeyring.name)): ChannelKeyring {
    const parsed = parseChannelCredentials(json);
    // loadConfig has validated the variable already; this is only reached by a caller that skipped it.
    if (!parsed.ok) throw new Error(`INTAKE_CHANNEL_CREDENTIALS: ${parsed.problems.join('; ')}`);
    const demo = parsed.credentials.filter(
      (credential) => credential.status === 'active' && isDemoCredential(credential),
    );
    if (demo.length > 0) {
      logger.warn(
        `INTAKE_CHANNEL_CREDENTIALS: demo credentials in use (${demo.map((c) => c.keyId).join(', ')}); their secret ` +
          'is published, so anyone can submit petitions as these channels. Development only: set your own.',
      );
    }
    return new ChannelKeyring(parsed.credentials);
  }

  find(keyId: string): ChannelCredential | undefined {
    return this.byKeyId.get(keyId);
  }
}
