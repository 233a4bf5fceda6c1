import { clientChannelMessageId, contentChannelMessageIds, requestDigest, RETRY_WINDOW_MS } from './open311-dedup';

const request = { api_key: 'k1', service_code: 'street-light', description: '路灯坏了', lat: '27.8', long: '113.1' };
const NOON = new Date('2026-03-02T12:00:00Z');

describe('requestDigest', () => {
  it('given the same parameters in another order, then the same digest', () => {
    const reordered = {
      long: '113.1',
      lat: '27.8',
      description: '路灯坏了',
      service_code: 'street-light',
      api_key: 'k1',
    };
    expect(requestDigest(reordered)).toBe(requestDigest(request));
  });

  it('given another api_key or jurisdiction_id, then the same digest: they say who asks, not what', () => {
    expect(requestDigest({ ...request, api_key: 'k2', jurisdiction_id: 'fukou' })).toBe(requestDigest(request));
  });

  it.each([
    ['description', '路灯坏了两天'],
    ['lat', '27.9'],
    ['email', 'a@example.cn'],
    ['attribute[title]', 'x'],
  ])('given %s changed or added, then another digest', (name, value) => {
    expect(requestDigest({ ...request, [name]: value })).not.toBe(requestDigest(request));
  });
});

describe('contentChannelMessageIds', () => {
  it('given a request, then its id today and the one it had yesterday, both naming the key', () => {
    const ids = contentChannelMessageIds('fms', request, NOON);
    const day = Math.floor(NOON.getTime() / RETRY_WINDOW_MS);
    expect(ids.current).toBe(`open311:fms:sha256:${requestDigest(request)}:${day}`);
    expect(ids.previous).toBe(`open311:fms:sha256:${requestDigest(request)}:${day - 1}`);
    expect(ids.current.length).toBeLessThanOrEqual(200);
  });

  it('given a retry later the same day, then the same id; the next day, today’s id is yesterday’s', () => {
    const first = contentChannelMessageIds('fms', request, NOON);
    expect(contentChannelMessageIds('fms', request, new Date('2026-03-02T23:59:59Z')).current).toBe(first.current);
    expect(contentChannelMessageIds('fms', request, new Date('2026-03-03T00:00:01Z')).previous).toBe(first.current);
  });

  it('given two keys filing the same words, then different ids', () => {
    expect(contentChannelMessageIds('a', request, NOON).current).not.toBe(
      contentChannelMessageIds('b', request, NOON).current,
    );
  });
});

describe('clientChannelMessageId', () => {
  it('given the client’s id, then an id of the key and that id alone, whatever the day', () => {
    expect(clientChannelMessageId('fms', '12345')).toBe('open311:fms:id:12345');
  });
});
