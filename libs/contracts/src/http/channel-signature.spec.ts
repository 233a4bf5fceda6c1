import { channelSignatureDigest, signChannelRequest, unixSeconds } from './channel-signature';
import { DEMO_CHANNEL_SECRET, demoChannelCredential } from './demo-channel-credentials';

const BODY = '{"channel":"app","text":"伏岭社区停电"}';
// printf '%s.%s' 1750000000 "$BODY" | openssl dgst -sha256 -hmac "$DEMO_CHANNEL_SECRET" (the README's recipe)
const OPENSSL_SIGNATURE = 'df92d8f1af0f2d1e015910f5d181682441330327348fda792bb01ac286781f60';

describe('signChannelRequest', () => {
  it('given the demo key, when a body is signed, then the headers carry the key, the timestamp and openssl’s HMAC', () => {
    expect(
      signChannelRequest({ keyId: 'demo-app', secret: DEMO_CHANNEL_SECRET, body: BODY, timestamp: 1750000000 }),
    ).toEqual({
      'X-Channel-Key': 'demo-app',
      'X-Timestamp': '1750000000',
      'X-Signature': `sha256=${OPENSSL_SIGNATURE}`,
    });
  });

  it('given the same body as a string or as its UTF-8 bytes, when signed, then the signatures are equal', () => {
    const input = { keyId: 'k', secret: DEMO_CHANNEL_SECRET, timestamp: 1750000000 };
    expect(signChannelRequest({ ...input, body: Buffer.from(BODY, 'utf8') })).toEqual(
      signChannelRequest({ ...input, body: BODY }),
    );
  });

  it('given a different timestamp, secret or body, when signed, then the signature changes', () => {
    const base = channelSignatureDigest(DEMO_CHANNEL_SECRET, '1750000000', BODY).toString('hex');
    expect(base).toBe(OPENSSL_SIGNATURE);
    expect(channelSignatureDigest(DEMO_CHANNEL_SECRET, '1750000001', BODY).toString('hex')).not.toBe(base);
    expect(channelSignatureDigest(`${DEMO_CHANNEL_SECRET}!`, '1750000000', BODY).toString('hex')).not.toBe(base);
    expect(channelSignatureDigest(DEMO_CHANNEL_SECRET, '1750000000', `${BODY} `).toString('hex')).not.toBe(base);
  });

  it('given milliseconds, a fraction or a negative number as the timestamp, when signed, then it refuses', () => {
    const sign = (timestamp: number) => () =>
      signChannelRequest({ keyId: 'k', secret: DEMO_CHANNEL_SECRET, body: BODY, timestamp });
    expect(sign(1750000000123)).toThrow(RangeError);
    expect(sign(1750000000.5)).toThrow(RangeError);
    expect(sign(-1)).toThrow(RangeError);
  });

  it('given an instant, when converted, then whole unix seconds (rounded down)', () => {
    expect(unixSeconds(new Date('2025-06-15T15:06:40.999Z'))).toBe(1750000000);
  });
});

describe('demoChannelCredential', () => {
  it('given a channel, then key demo-<channel>, the published secret (at least 32 characters), active', () => {
    expect(demoChannelCredential('hotline-12345')).toEqual({
      keyId: 'demo-hotline-12345',
      channel: 'hotline-12345',
      secret: DEMO_CHANNEL_SECRET,
      status: 'active',
    });
    expect(DEMO_CHANNEL_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});
