import { isIPv4, type BlockList } from 'node:net';

/** `::ffff:127.0.0.1` → `127.0.0.1`: IPv4 peers on a dual-stack socket. */
export function normaliseIp(address: string): string {
  const mapped = /^::ffff:([0-9.]+)$/i.exec(address);
  return mapped && isIPv4(mapped[1]!) ? mapped[1]! : address;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  return trusted.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
}

/**
 * The client address used for rate limits (SECURITY.md R3): the socket's peer, unless that peer is a trusted
 * proxy, in which case `X-Forwarded-For` is read from the right, skipping trusted hops, and the first address
 * that is not a trusted proxy is the client. A header from an untrusted peer is ignored.
 */
export function clientIp(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  let address = normaliseIp(peer);
  if (!forwardedFor || !isTrusted(trusted, address)) return address;
  const hops = forwardedFor
    .split(',')
    .map((hop) => normaliseIp(hop.trim()))
    .filter((hop) => hop.length > 0 && hop.length <= 64);
  while (hops.length > 0 && isTrusted(trusted, address)) address = hops.pop()!;
  return address;
}
