/**
 * Sets of IP addresses as sorted, merged, inclusive ranges over one number line: IPv4 addresses are
 * 0 .. 2^32-1 and IPv6 addresses are shifted above them (2^32 + address), so one set holds both
 * families and `any` is one range. Pure and I/O-free; used by the rule-set semantics (CIDR overlap in
 * reachability checks) and the simulator (does this connection's address match the rule's).
 */

/** An inclusive range [lo, hi] on the combined IPv4+IPv6 number line. */
export interface IpRange {
  readonly lo: bigint;
  readonly hi: bigint;
}

/** A set of addresses: sorted, non-overlapping, non-adjacent ranges. */
export type IpSet = readonly IpRange[];

const V4_SIZE = 1n << 32n;
const V6_BASE = V4_SIZE;
const MAX = V6_BASE + (1n << 128n) - 1n;

export const IP_ANY: IpSet = Object.freeze([{ lo: 0n, hi: MAX }]);
export const IP_NONE: IpSet = Object.freeze([]);

/** Parses a dotted IPv4 address to its number, or undefined. */
function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

/** Parses an IPv6 address (with `::` and an optional embedded IPv4 tail) to its number, or undefined. */
function parseV6(s: string): bigint | undefined {
  if (!s.includes(':')) return undefined;
  let tail: bigint | undefined;
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail = parseV4(text.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== undefined) n = (n & ~(V4_SIZE - 1n)) | tail;
  return n;
}

/**
 * One literal address or CIDR (`10.0.0.0/8`, `192.0.2.7`, `2001:db8::/32`) as a set, or undefined
 * when it is not one. Like Suricata, host bits under the prefix are ignored (`10.1.2.3/8` = `10.0.0.0/8`).
 */
export function parseCidr(text: string): IpSet | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const v4 = parseV4(addr);
  const v6 = v4 === undefined ? parseV6(addr) : undefined;
  if (v4 === undefined && v6 === undefined) return undefined;
  const bits = v4 !== undefined ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (/^\d{1,3}$/.test(p)) prefix = Number(p);
    else if (v4 !== undefined && parseV4(p) !== undefined) {
      // Netmask form (10.0.0.0/255.0.0.0): count its leading ones.
      const mask = parseV4(p)!;
      prefix = mask.toString(2).padStart(32, '0').indexOf('0');
      if (prefix < 0) prefix = 32;
    } else return undefined;
    if (prefix > bits) return undefined;
  }
  const value = v4 ?? v6!;
  const hostBits = BigInt(bits - prefix);
  const lo = (value >> hostBits) << hostBits;
  const hi = lo + (1n << hostBits) - 1n;
  const base = v4 !== undefined ? 0n : V6_BASE;
  return [{ lo: base + lo, hi: base + hi }];
}

/** A single address as a number on the combined line (for membership tests), or undefined. */
export function parseAddress(text: string): bigint | undefined {
  const v4 = parseV4(text.trim());
  if (v4 !== undefined) return v4;
  const v6 = parseV6(text.trim());
  return v6 === undefined ? undefined : V6_BASE + v6;
}

function normalize(ranges: IpRange[]): IpSet {
  if (ranges.length <= 1) return ranges;
  ranges.sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: IpRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1n) {
      if (r.hi > last.hi) out[out.length - 1] = { lo: last.lo, hi: r.hi };
    } else out.push(r);
  }
  return out;
}

export function ipUnion(a: IpSet, b: IpSet): IpSet {
  return normalize([...a, ...b]);
}

/** Everything in [0, max] not in `a` (max: the IP line's end by default; 65535n for ports). */
export function ipComplement(a: IpSet, max: bigint = MAX): IpSet {
  const out: IpRange[] = [];
  let next = 0n;
  for (const r of a) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1n });
    next = r.hi + 1n;
  }
  if (next <= max) out.push({ lo: next, hi: max });
  return out;
}

/** Sets of ports use the same ranges, over 0..65535. */
export const PORT_MAX = 65535n;
export const PORT_ANY: IpSet = Object.freeze([{ lo: 0n, hi: PORT_MAX }]);

export function ipIntersect(a: IpSet, b: IpSet): IpSet {
  const out: IpRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i].lo > b[j].lo ? a[i].lo : b[j].lo;
    const hi = a[i].hi < b[j].hi ? a[i].hi : b[j].hi;
    if (lo <= hi) out.push({ lo, hi });
    if (a[i].hi < b[j].hi) i++;
    else j++;
  }
  return out;
}

/** `a` minus `b`. */
export function ipSubtract(a: IpSet, b: IpSet): IpSet {
  return ipIntersect(a, ipComplement(b));
}

export function ipOverlaps(a: IpSet, b: IpSet): boolean {
  return ipIntersect(a, b).length > 0;
}

/** Every address of `inner` is in `outer`. */
export function ipContains(outer: IpSet, inner: IpSet): boolean {
  return ipSubtract(inner, outer).length === 0;
}

export function ipHas(set: IpSet, address: bigint): boolean {
  for (const r of set) if (address >= r.lo && address <= r.hi) return true;
  return false;
}

export function ipIsAny(set: IpSet): boolean {
  return set.length === 1 && set[0].lo === 0n && set[0].hi === MAX;
}

/** A short text for messages: the CIDRs of a set when it is small (`172.20.0.0/16`), else a count. */
export function ipSetText(set: IpSet): string {
  if (ipIsAny(set)) return 'any';
  const parts: string[] = [];
  for (const r of set) {
    if (parts.length >= 4) return `${parts.join(', ')}, ...`;
    parts.push(rangeText(r));
  }
  return parts.join(', ');
}

function rangeText(r: IpRange): string {
  const v6 = r.lo >= V6_BASE;
  const base = v6 ? V6_BASE : 0n;
  const lo = r.lo - base;
  const size = r.hi - r.lo + 1n;
  const bits = v6 ? 128 : 32;
  // A power-of-two block aligned on its size prints as a CIDR.
  if ((size & (size - 1n)) === 0n && lo % size === 0n) {
    const prefix = bits - (size.toString(2).length - 1);
    return `${addressText(lo, v6)}${prefix === bits ? '' : `/${prefix}`}`;
  }
  return `${addressText(lo, v6)}-${addressText(r.hi - base, v6)}`;
}

function addressText(n: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** A port set for messages: `443`, `80, 8080`, `1024:65535`, `any`. */
export function portSetText(set: IpSet): string {
  if (set.length === 1 && set[0].lo === 0n && set[0].hi === PORT_MAX) return 'any';
  return set.map((r) => (r.lo === r.hi ? String(r.lo) : `${r.lo}:${r.hi}`)).join(', ');
}
