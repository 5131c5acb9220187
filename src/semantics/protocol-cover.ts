/**
 * Which header protocols see which traffic, for "does rule A see every packet rule B sees". Source:
 * Suricata 7 detection (detect-engine-proto.c: `ip` matches every packet, `tcp`/`udp` every packet of
 * that transport; an app-layer protocol restricts a rule to flows detected as that protocol) and the
 * app-layer parsers' transports (app-layer-*.c register on TCP, UDP or both).
 */

/** Transport of each app-layer protocol Suricata 7 registers (both: TCP and UDP parsers exist). */
export const APP_TRANSPORT: Readonly<Record<string, 'tcp' | 'udp' | 'both'>> = Object.freeze({
  http: 'tcp', http1: 'tcp', http2: 'tcp', ftp: 'tcp', 'ftp-data': 'tcp', smtp: 'tcp', tls: 'tcp', ssl: 'tcp', ssh: 'tcp', imap: 'tcp',
  smb: 'tcp', dcerpc: 'both', dns: 'both', nfs: 'both', ntp: 'udp', tftp: 'udp', ike: 'udp', ikev2: 'udp', krb5: 'both', quic: 'udp',
  dhcp: 'udp', snmp: 'udp', sip: 'both', rfb: 'tcp', mqtt: 'tcp', telnet: 'tcp', rdp: 'tcp', 'bittorrent-dht': 'udp', modbus: 'tcp',
  dnp3: 'tcp', enip: 'both', pop3: 'tcp', websocket: 'tcp', ldap: 'both', mdns: 'udp', doh2: 'tcp',
});

const IP_NAMES = new Set(['ip', 'ipv4', 'ipv6', 'ip4', 'ip6', 'pkthdr']);
const TCP_NAMES = new Set(['tcp', 'tcp-pkt', 'tcp-stream']);

/** Canonical name: `ssl` is `tls`, `http1` is `http` for coverage purposes. */
export function canonicalProtocol(p: string): string {
  const n = p.toLowerCase();
  if (n === 'ssl') return 'tls';
  if (n === 'http1') return 'http';
  if (IP_NAMES.has(n)) return 'ip';
  if (TCP_NAMES.has(n)) return 'tcp';
  return n;
}

export function isAppProtocol(p: string): boolean {
  return APP_TRANSPORT[canonicalProtocol(p)] !== undefined;
}

/** The transports a header protocol can carry: `ip` all, `tcp` TCP, `dns` TCP and UDP, `icmp` ICMP. */
export function transportsOf(p: string): ReadonlySet<string> {
  const c = canonicalProtocol(p);
  if (c === 'ip') return new Set(['tcp', 'udp', 'icmp', 'other']);
  if (c === 'tcp' || c === 'udp') return new Set([c]);
  if (c === 'icmp' || c === 'icmpv4' || c === 'icmpv6') return new Set(['icmp']);
  const t = APP_TRANSPORT[c];
  if (t === 'both') return new Set(['tcp', 'udp']);
  if (t) return new Set([t]);
  return new Set(['other']);
}

/** Every packet a rule with protocol `inner` can see, a rule with protocol `outer` sees too. */
export function protocolCovers(outer: string, inner: string): boolean {
  const o = canonicalProtocol(outer);
  const i = canonicalProtocol(inner);
  if (o === i || o === 'ip') return true;
  if (o === 'tcp' || o === 'udp') return [...transportsOf(i)].every((t) => t === o);
  if (o === 'icmp' && (i === 'icmpv4' || i === 'icmpv6')) return true;
  // `http` covers `http2` in Suricata 7 (both are HTTP transactions for the generic http keywords).
  return o === 'http' && i === 'http2';
}

/** Some packet can be seen by rules of both protocols. */
export function protocolsOverlap(a: string, b: string): boolean {
  if (protocolCovers(a, b) || protocolCovers(b, a)) return true;
  const ca = canonicalProtocol(a);
  const cb = canonicalProtocol(b);
  // Two different app-layer protocols never share a flow.
  if (isAppProtocol(ca) && isAppProtocol(cb)) return false;
  const ta = transportsOf(ca);
  return [...transportsOf(cb)].some((t) => ta.has(t));
}
