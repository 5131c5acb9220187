/**
 * Protocol names usable in a rule header. Packet-level protocols, then Suricata 7.0.10's app-layer
 * protocols (../shared/reference/suricata-7.0.10-app-layer-protos.txt) plus the header-only names
 * Suricata maps onto them, then Suricata 8 additions.
 */
export interface ProtocolInfo {
  readonly name: string;
  readonly layer: 'packet' | 'app';
  readonly since: 7 | 8;
  /** AWS Network Firewall does not support it (see DOMAIN.md 3.2). */
  readonly awsUnsupported?: boolean;
}

const packet = ['ip', 'tcp', 'udp', 'icmp', 'icmpv4', 'icmpv6', 'ipv4', 'ipv6', 'ip4', 'ip6', 'tcp-pkt', 'tcp-stream', 'pkthdr'];
const sctp = ['sctp'];
const app7 = [
  'http', 'http1', 'http2', 'ftp', 'ftp-data', 'smtp', 'tls', 'ssl', 'ssh', 'imap', 'smb', 'dcerpc', 'dns', 'nfs', 'ntp', 'tftp',
  'ike', 'ikev2', 'krb5', 'quic', 'dhcp', 'snmp', 'sip', 'rfb', 'mqtt', 'telnet', 'rdp', 'bittorrent-dht', 'modbus', 'dnp3', 'enip',
];
const app8 = ['pop3', 'websocket', 'ldap', 'mdns', 'doh2'];
const awsUnsupported = new Set(['sctp', 'enip', 'ike', 'ikev2', 'ftp-data']);

export const PROTOCOLS: readonly ProtocolInfo[] = [
  ...packet.map((name) => ({ name, layer: 'packet' as const, since: 7 as const })),
  ...sctp.map((name) => ({ name, layer: 'packet' as const, since: 7 as const, awsUnsupported: true })),
  ...app7.map((name) => ({ name, layer: 'app' as const, since: 7 as const, awsUnsupported: awsUnsupported.has(name) || undefined })),
  ...app8.map((name) => ({ name, layer: 'app' as const, since: 8 as const })),
];

const BY_NAME = new Map(PROTOCOLS.map((p) => [p.name, p]));

export function lookupProtocol(name: string): ProtocolInfo | undefined {
  // Header protocol names are lower-cased by the parser already: no new string for them.
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase());
}
