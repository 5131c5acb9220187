import { lookupTable } from './lookup-table.js';

/**
 * Keywords that match on one packet (its headers or its payload size), which Suricata refuses to combine
 * with a match on the app-layer state: a rule with one of these and `ssl_state` (or any TLS buffer) fails to
 * load with "Signature combines packet specific matches (like dsize, flags, ttl) with stream / state
 * matching by matching on app layer proto (like using http_* keywords)" (src/detect-parse.c, SigValidate).
 *
 * Measured with Suricata 7.0.10: `suricata -T` on `alert tls any any -> any any (ssl_state:client_hello;
 * KEYWORD; sid:N;)` for each row, while `drop tls any any -> any any (KEYWORD; flow:to_server; sid:N;)`
 * loads. Not in the table because they loaded with ssl_state: `icmp_seq`, `stream_size`, checksum keywords,
 * `pkt_data`, `isdataat`, `byte_test`, `threshold`, `detection_filter`. The value is the example the
 * measurement used (as the note shows it), keyed by keyword name as written (aliases included).
 */
export const PACKET_KEYWORDS: Readonly<Record<string, string>> = lookupTable({
  dsize: 'dsize:>0',
  flags: 'flags:S',
  'tcp.flags': 'tcp.flags:S',
  ttl: 'ttl:64',
  window: 'window:1024',
  'tcp.window': 'tcp.window:1024',
  seq: 'seq:0',
  'tcp.seq': 'tcp.seq:0',
  ack: 'ack:0',
  'tcp.ack': 'tcp.ack:0',
  fragbits: 'fragbits:M',
  fragoffset: 'fragoffset:0',
  id: 'id:1',
  ipopts: 'ipopts:rr',
  icmp_id: 'icmp_id:1',
  itype: 'itype:8',
  icode: 'icode:0',
  'tcp.mss': 'tcp.mss:1400',
  tos: 'tos:0',
  sameip: 'sameip',
  rpc: 'rpc:100000,*,*',
  'icmpv6.mtu': 'icmpv6.mtu:1',
  'tcp.hdr': 'tcp.hdr; content:"x"',
  'ipv4.hdr': 'ipv4.hdr; content:"x"',
  'ipv6.hdr': 'ipv6.hdr; content:"x"',
});

/** `flow:` items that are packet matches in the same sense (`flow:no_stream` + ssl_state fails to load, measured). */
export const PACKET_FLOW_ITEMS: readonly string[] = ['no_stream'];

/** Whether `name` (lower-cased keyword as written) is a packet keyword of the table above. */
export function isPacketKeyword(name: string): boolean {
  return PACKET_KEYWORDS[name] !== undefined;
}
