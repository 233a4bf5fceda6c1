import { randomBytes } from 'node:crypto';
import { CHANNEL_CODES } from '@petitions/district';
import { signChannelRequest, unixSeconds } from '@petitions/contracts';
import { PETITION_SAMPLES, REPORTER_SAMPLES } from './petition-samples';

/** One `POST /petitions` ready to send: the exact body bytes and the headers that sign them. */
export interface PreparedRequest {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole HTTP/1.1 request as bytes, for the raw client (built before the timed window). */
  readonly wire?: Buffer;
}

interface ChannelKey {
  readonly keyId: string;
  readonly channel: string;
  readonly secret: string;
  readonly status: 'active';
}

/**
 * Signed petitions, each with a channelMessageId of its own (the same id twice would be answered from the
 * idempotency lookup, which is cheaper than a real submission). The benchmark gives intake keys of its own (random
 * secrets, one per channel) rather than the published demo ones.
 */
export class SignedRequestFactory {
  private sequence = 0;
  private readonly keys: ReadonlyMap<string, ChannelKey>;

  constructor(private readonly runId: string) {
    this.keys = new Map(
      CHANNEL_CODES.map((channel) => [
        channel,
        { keyId: `bench-${channel}`, channel, secret: randomBytes(32).toString('hex'), status: 'active' },
      ]),
    );
  }

  /** The value of INTAKE_CHANNEL_CREDENTIALS that makes intake accept these signatures. */
  credentialsJson(): string {
    return JSON.stringify([...this.keys.values()]);
  }

  /**
   * `count` requests signed with the current second as X-Timestamp. Intake accepts them for 300 s, so a phase must
   * send them within that (phases last about 20 s).
   */
  prepare(count: number, now: Date = new Date()): PreparedRequest[] {
    const timestamp = unixSeconds(now);
    return Array.from({ length: count }, () => this.next(timestamp));
  }

  /** How many requests have been made so far (the channelMessageIds used). */
  get made(): number {
    return this.sequence;
  }

  next(timestamp: number = unixSeconds(new Date())): PreparedRequest {
    const n = this.sequence++;
    const sample = PETITION_SAMPLES[n % PETITION_SAMPLES.length]!;
    const reporter = n % 3 === 0 ? REPORTER_SAMPLES[(n / 3) % REPORTER_SAMPLES.length] : undefined;
    const body = Buffer.from(
      JSON.stringify({
        channel: sample.channel,
        channelMessageId: `${this.runId}-${n}`,
        text: sample.text,
        ...(sample.town ? { town: sample.town } : {}),
        ...(sample.unit ? { unit: sample.unit } : {}),
        ...(reporter ? { reporter } : {}),
      }),
      'utf8',
    );
    const key = this.keys.get(sample.channel);
    if (!key) throw new Error(`no key for channel ${sample.channel}`);
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        ...signChannelRequest({ keyId: key.keyId, secret: key.secret, body, timestamp }),
      },
    };
  }
}
