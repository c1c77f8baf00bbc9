import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

// remix-serve hands Remix a Request built from the headers only (no getLoadContext), so the TCP peer
// is out of reach of loaders. The front door (front-door.server.ts), which sees every Node request
// first, writes the peer into a private header after deleting any copy the client sent. The value
// carries a token of this process, so the header is believed only when the front door wrote it (a
// server the front door did not wrap passes on what the client sent; that is ignored). Passing it
// this way rather than in an AsyncLocalStorage keeps Node's promise hooks off every request's
// promises (docs/benchmarks.md, issue 18). Without a Node HTTP server (unit tests) it is unknown.
export const PEER_HEADER = 'x-drill-peer';
const globalForPeer = globalThis as unknown as { __drillPeerToken?: string };
// On globalThis: the dev server re-imports the build while the first front door keeps serving.
const peerToken = (globalForPeer.__drillPeerToken ??= randomBytes(12).toString('base64url'));

/** Called by the front door for every request: the peer's address, and nothing the client wrote. */
export function stampPeerAddress(headers: IncomingHttpHeaders, address: string | undefined): void {
  delete headers[PEER_HEADER];
  if (address) headers[PEER_HEADER] = `${peerToken} ${address}`;
}

function peerAddress(request: Request): string | null {
  const value = request.headers.get(PEER_HEADER);
  const space = value ? value.indexOf(' ') : -1;
  return value && value.slice(0, space) === peerToken ? value.slice(space + 1) : null;
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
  const direct = peerAddress(request);
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
