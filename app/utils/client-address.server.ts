import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { isIP } from 'node:net';

// remix-serve hands Remix a Request built from the headers only (no getLoadContext), so the TCP peer
// is out of reach of loaders. Node announces every HTTP request on this public diagnostics channel,
// synchronously and just before the server's 'request' handler runs; entering a store there makes
// the peer address follow that request's async work into the action. Without a Node HTTP server
// (unit tests) there is no store and the address is unknown.
const peer = new AsyncLocalStorage<string>();
const globalForPeer = globalThis as unknown as { __drillPeerChannel?: boolean };
if (!globalForPeer.__drillPeerChannel) {
  globalForPeer.__drillPeerChannel = true;
  subscribe('http.server.request.start', (message) => {
    const address = (message as { socket?: { remoteAddress?: string } }).socket?.remoteAddress;
    if (address) peer.enterWith(address);
  });
}

/**
 * How many proxies in front of the server append to X-Forwarded-For (TRUST_PROXY, which env.server.ts
 * validates at boot as 0/1/true/false): "true" or "1" is one proxy (nginx in front); anything else none.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const v = value?.trim().toLowerCase();
  if (v === 'true' || v === 'yes') return 1;
  if (v && /^\d{1,2}$/.test(v)) return Number(v);
  return 0;
}

/**
 * The client's address for throttling: the TCP peer, or with TRUST_PROXY the entry our own proxies
 * appended to X-Forwarded-For (never an entry the client could write). IPv6 is keyed by its /64,
 * since one subscriber holds a whole /64. Null when it cannot be told.
 */
export function clientAddress(request: Request, hops = trustedProxyHops()): string | null {
  const direct = peer.getStore() ?? null;
  if (hops > 0) {
    const forwarded = (request.headers.get('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Express's rule: with n trusted hops the client is the nth entry from the right.
    const chosen = forwarded[Math.max(forwarded.length - hops, 0)];
    if (chosen) return normalizeAddress(chosen);
  }
  return direct === null ? null : normalizeAddress(direct);
}

/** An IP address as a throttling key: IPv4-mapped IPv6 as IPv4, IPv6 cut to its /64; null if not an IP. */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  if (address.startsWith('[')) address = address.slice(1, address.indexOf(']'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return null;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  // A dotted IPv4 tail ('64:ff9b::192.0.2.1') takes two groups.
  const width = (parts: string[]) => parts.length + (parts.at(-1)?.includes('.') ? 1 : 0);
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - width(right)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
