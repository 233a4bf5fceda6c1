import { sourceAddress } from './source-address';

describe('sourceAddress', () => {
  it('given no trusted proxy, then the socket address, whatever X-Forwarded-For claims', () => {
    expect(sourceAddress({ socketAddress: '10.1.2.3', forwardedFor: '1.1.1.1', trustedProxies: 0 })).toBe('10.1.2.3');
  });

  it('given one trusted proxy, then the address that proxy saw (the rightmost entry), not what the client wrote', () => {
    expect(sourceAddress({ socketAddress: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7', trustedProxies: 1 })).toBe(
      '203.0.113.7',
    );
  });

  it('given two trusted proxies, then two hops back', () => {
    expect(
      sourceAddress({ socketAddress: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7, 10.0.0.9', trustedProxies: 2 }),
    ).toBe('203.0.113.7');
  });

  it('given fewer entries than trusted proxies, then the leftmost; given no header, then the socket', () => {
    expect(sourceAddress({ socketAddress: '10.0.0.2', forwardedFor: '203.0.113.7', trustedProxies: 5 })).toBe(
      '203.0.113.7',
    );
    expect(sourceAddress({ socketAddress: '10.0.0.2', forwardedFor: undefined, trustedProxies: 1 })).toBe('10.0.0.2');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address, and never yields an empty subject', () => {
    expect(sourceAddress({ socketAddress: '::ffff:127.0.0.1', forwardedFor: undefined, trustedProxies: 0 })).toBe(
      '127.0.0.1',
    );
    expect(sourceAddress({ socketAddress: undefined, forwardedFor: undefined, trustedProxies: 0 })).toBe('unknown');
  });

  it('bounds a forged header entry before it becomes part of a Redis key', () => {
    const address = sourceAddress({ socketAddress: '10.0.0.2', forwardedFor: 'x'.repeat(5000), trustedProxies: 3 });
    expect(address).toHaveLength(64);
  });
});
