/**
 * The client address a request is counted under. `trustedProxies` is how many proxies in front of intake append to
 * `X-Forwarded-For` (INTAKE_TRUST_PROXY): 0 ignores the header, because without a proxy of our own anyone can write
 * any address into it and so escape the per-source limit. With N, the address N hops back is taken: the entries
 * further left were written by the client and prove nothing.
 */
export function sourceAddress(input: {
  readonly socketAddress: string | undefined;
  readonly forwardedFor: string | readonly string[] | undefined;
  readonly trustedProxies: number;
}): string {
  const socket = normalise(input.socketAddress ?? '') || 'unknown';
  if (input.trustedProxies === 0 || input.forwardedFor === undefined) return socket;
  const header = typeof input.forwardedFor === 'string' ? input.forwardedFor : input.forwardedFor.join(',');
  const forwarded = header
    .split(',')
    .map((entry) => normalise(entry))
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - input.trustedProxies)] ?? socket;
}

/**
 * `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1 reaching an IPv6 socket: count it as one address. At most 64
 * characters (an IPv6 address has 45): a header value becomes part of a Redis key.
 */
function normalise(address: string): string {
  const trimmed = address.trim().toLowerCase().slice(0, 64);
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice('::ffff:'.length) : trimmed;
}
