import { signChannelRequest, unixSeconds } from '@petitions/contracts';
import { ManualClock } from '@petitions/platform';
import type { ChannelCredential } from './channel-credentials';
import {
  authenticateChannelRequest,
  authorizeChannel,
  type Authentication,
  type SignedChannelRequest,
} from './channel-request-verifier';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const SECRET_OLD = 'old-secret-of-the-12345-hotline-0000000';
const SECRET_NEW = 'new-secret-of-the-12345-hotline-1111111';
const KEYS: readonly ChannelCredential[] = [
  { keyId: 'hotline-2025', channel: 'hotline-12345', secret: SECRET_OLD, status: 'active' },
  { keyId: 'hotline-2026', channel: 'hotline-12345', secret: SECRET_NEW, status: 'active' },
  {
    keyId: 'hotline-2024',
    channel: 'hotline-12345',
    secret: 'retired-secret-of-the-hotline-22222222',
    status: 'retired',
  },
  { keyId: 'app-1', channel: 'app', secret: 'secret-of-the-app-channel-333333333333', status: 'active' },
];
const BODY = '{"channel":"hotline-12345","channelMessageId":"call-1","text":"路灯不亮"}';

function keyNamed(keyId: string): ChannelCredential {
  const key = KEYS.find((candidate) => candidate.keyId === keyId);
  if (!key) throw new Error(`no key ${keyId} in the fixture`);
  return key;
}

/** A request as `keyId` signs it at `signedAt` (the clock's now unless given), with the headers then overridable. */
function signed(
  keyId: string,
  { signedAt = NOW, body = BODY }: { signedAt?: Date; body?: string } = {},
): SignedChannelRequest & { body: Uint8Array } {
  const headers = signChannelRequest({ keyId, secret: keyNamed(keyId).secret, body, timestamp: unixSeconds(signedAt) });
  return {
    keyId: headers['X-Channel-Key'],
    timestamp: headers['X-Timestamp'],
    signature: headers['X-Signature'],
    body: Buffer.from(body, 'utf8'),
  };
}

function verify(request: SignedChannelRequest, clock = new ManualClock(NOW)): Authentication {
  return authenticateChannelRequest(request, {
    now: clock.now(),
    findKey: (keyId) => KEYS.find((key) => key.keyId === keyId),
  });
}

const secondsFromNow = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);

describe('authenticateChannelRequest', () => {
  it('given a request signed now with an active key, when verified, then accepted as that key', () => {
    expect(verify(signed('app-1'))).toEqual({ ok: true, credential: keyNamed('app-1') });
  });

  describe('the ±300 s window (inclusive), on an injected clock', () => {
    it.each([
      ['exactly 300 s old', -300],
      ['exactly 300 s ahead', 300],
    ])('given a timestamp %s, when verified, then accepted', (_name, offset) => {
      expect(verify(signed('app-1', { signedAt: secondsFromNow(offset) })).ok).toBe(true);
    });

    it.each([
      ['301 s old', -301],
      ['301 s ahead', 301],
    ])('given a timestamp %s, when verified, then 401 outside-window', (_name, offset) => {
      expect(verify(signed('app-1', { signedAt: secondsFromNow(offset) }))).toMatchObject({
        ok: false,
        reason: 'outside-window',
      });
    });

    it('given a request accepted now, when the clock moves on by 301 s, then the same request is rejected', () => {
      const clock = new ManualClock(NOW);
      const request = signed('app-1');
      expect(verify(request, clock).ok).toBe(true);
      clock.advanceBy(300_000);
      expect(verify(request, clock).ok).toBe(true);
      clock.advanceBy(1000);
      expect(verify(request, clock)).toMatchObject({ ok: false, reason: 'outside-window' });
    });

    it('given a timestamp that is not whole unix seconds, when verified, then malformed-timestamp', () => {
      for (const timestamp of ['1772352000.5', '-1772352000', 'now', `${NOW.getTime()}000`, ' 1772352000']) {
        expect(verify({ ...signed('app-1'), timestamp })).toMatchObject({ ok: false, reason: 'malformed-timestamp' });
      }
    });
  });

  describe('rotation: two active keys for one channel', () => {
    it('given the old key and the new key, when each signs, then both are accepted as the same channel', () => {
      const old = verify(signed('hotline-2025'));
      const current = verify(signed('hotline-2026'));
      expect(old).toEqual({ ok: true, credential: keyNamed('hotline-2025') });
      expect(current).toEqual({ ok: true, credential: keyNamed('hotline-2026') });
    });

    it('given a request signed with the new secret but naming the old key, when verified, then wrong-signature', () => {
      const withNewSecret = signed('hotline-2026');
      expect(verify({ ...withNewSecret, keyId: 'hotline-2025' })).toMatchObject({
        ok: false,
        reason: 'wrong-signature',
      });
    });
  });

  it('given a retired key with a correct signature, when verified, then rejected (retired-key), told as unknown', () => {
    const result = verify(signed('hotline-2024'));
    expect(result).toMatchObject({ ok: false, reason: 'retired-key' });
    expect(verify({ ...signed('app-1'), keyId: 'nobody' })).toMatchObject({ ok: false, reason: 'unknown-key' });
    if (!result.ok) expect(result.message).toBe('X-Channel-Key is unknown or retired');
  });

  it('given a tampered body (one byte changed), when verified, then wrong-signature', () => {
    const request = signed('app-1');
    const tampered = Buffer.from(request.body);
    tampered[tampered.length - 3] = 'X'.charCodeAt(0);
    expect(verify({ ...request, body: tampered })).toMatchObject({ ok: false, reason: 'wrong-signature' });
  });

  it('given a signature of the right form for another timestamp, when verified, then wrong-signature', () => {
    const request = signed('app-1');
    expect(verify({ ...request, timestamp: String(unixSeconds(NOW) - 1) })).toMatchObject({
      ok: false,
      reason: 'wrong-signature',
    });
  });

  it('given a signature of the wrong length, prefix or alphabet, when verified, then malformed-signature (no throw)', () => {
    const { signature } = signed('app-1');
    const hex = (signature ?? '').slice('sha256='.length);
    for (const malformed of [
      `sha256=${hex.slice(0, 62)}`,
      `sha256=${hex}00`,
      `sha256=${hex.slice(0, 63)}`,
      'sha256=',
      hex,
      `sha1=${hex}`,
      `sha256=${hex.slice(0, 63)}g`,
      `sha256=${hex}, sha256=${hex}`,
    ]) {
      expect(verify({ ...signed('app-1'), signature: malformed })).toMatchObject({
        ok: false,
        reason: 'malformed-signature',
      });
    }
  });

  it('given an upper-case hex signature, when verified, then accepted (hex is case-insensitive)', () => {
    const request = signed('app-1');
    expect(verify({ ...request, signature: `sha256=${(request.signature ?? '').slice(7).toUpperCase()}` }).ok).toBe(
      true,
    );
  });

  it('given a header missing or empty, when verified, then missing-headers', () => {
    const request = signed('app-1');
    for (const missing of ['keyId', 'timestamp', 'signature'] as const) {
      expect(verify({ ...request, [missing]: undefined })).toMatchObject({ ok: false, reason: 'missing-headers' });
      expect(verify({ ...request, [missing]: '' })).toMatchObject({ ok: false, reason: 'missing-headers' });
    }
  });

  it('given any rejection, then its message never holds a secret', () => {
    const results = [
      verify(signed('hotline-2024')),
      verify({ ...signed('app-1'), signature: 'sha256=00' }),
      verify({ ...signed('app-1'), body: Buffer.from('{}') }),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      for (const key of KEYS) expect(JSON.stringify(result)).not.toContain(key.secret);
    }
  });
});

describe('authorizeChannel', () => {
  it('given the key’s own channel, then allowed', () => {
    expect(authorizeChannel(keyNamed('hotline-2026'), 'hotline-12345')).toEqual({ ok: true });
  });

  it('given another channel, then refused, naming the key and both channels', () => {
    expect(authorizeChannel(keyNamed('app-1'), 'hotline-12345')).toEqual({
      ok: false,
      message: 'key app-1 may submit petitions of channel app only, not hotline-12345',
    });
  });
});
