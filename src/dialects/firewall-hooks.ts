import { lookupTable } from '../catalog/lookup-table.js';

/*
 * Where a firewall-mode rule is evaluated: packet-layer hooks and application-layer hooks, with the
 * upstream (Suricata 8) name of every hook and the AWS Network Firewall name where AWS documents one.
 *
 * Sources (see ../shared/docs/AWS-NEXT-GEN.md section 3):
 * - Packet hooks: Suricata 8.0.x src/detect-parse.c `HookPktFromString` (flow_start, pre_flow,
 *   pre_stream, all); docs firewall/firewall-design (tables, valid scopes at pre_flow/pre_stream).
 * - App hooks: `suricata --list-app-layer-hooks` of 8.0.8; progress values from src/app-layer-ssl.h
 *   (`TLS_STATE_*`), libhtp (`HTP_REQUEST_PROGRESS_*`), src/app-layer-ssh.h (`SshState*`),
 *   src/app-layer-smtp.c; `request_started`/`response_started` are progress 0 and
 *   `request_complete`/`response_complete` the completion progress (detect-parse.c `SigParseProtoHookApp`).
 * - AWS names: DG firewall-rule-groups-accept-prior-hooks, firewall-rule-app-layer-drop-prior-hooks,
 *   firewall-rule-constraints-protocol-hooks, firewall-rule-constraints-keyword-hook (only the names
 *   seen there; AWS has not published the full Hook enum).
 */

/** `to_server` (request) or `to_client` (response), the direction a hook implies. */
export type HookDirection = 'to_server' | 'to_client';

/** One application-layer hook of a protocol. */
export interface AppHook {
  /** Upstream Suricata 8 name (`client_hello_done`). */
  readonly name: string;
  readonly direction: HookDirection;
  /** Parser progress the hook stands for (hooks with the same direction and progress are the same hook). */
  readonly progress: number;
  /** AWS Network Firewall's name for it, where AWS documents one that differs (`client_hello`). */
  readonly aws?: string;
}

/** Packet-layer hooks (any non-app protocol: tcp, udp, icmp, ip, tcp-pkt, ...). */
export interface PacketHook {
  readonly name: string;
  /** Action scopes the hook accepts (pre_flow/pre_stream: packet and hook only, Suricata 8.0.8). */
  readonly scopes: readonly string[];
  readonly meaning: string;
}

export const PACKET_HOOKS: readonly PacketHook[] = [
  { name: 'flow_start', scopes: ['packet', 'hook', 'tx', 'flow'], meaning: 'first packet of the flow, in both directions' },
  { name: 'pre_flow', scopes: ['packet', 'hook'], meaning: 'before the flow is created or updated' },
  { name: 'pre_stream', scopes: ['packet', 'hook'], meaning: 'before the TCP stream is updated' },
  { name: 'all', scopes: ['packet', 'hook', 'tx', 'flow'], meaning: 'every packet (packet:filter table; default drop:packet)' },
];

const chain = (direction: HookDirection, names: readonly (string | [string, number, string?])[]): AppHook[] =>
  names.map((n, i) => (typeof n === 'string' ? { name: n, direction, progress: i } : { name: n[0], direction, progress: n[1], aws: n[2] }));

/** request_started/complete and response_started/complete only (every app-layer protocol has these). */
const generic = (): AppHook[] => [
  ...chain('to_server', ['request_started', 'request_complete']),
  ...chain('to_client', ['response_started', 'response_complete']),
];

/** Application-layer hooks per protocol, in evaluation order per direction (Suricata 8.0.8). */
export const APP_HOOKS: Readonly<Record<string, readonly AppHook[]>> = lookupTable({
  tls: [
    ...chain('to_server', [
      ['request_started', 0],
      ['client_in_progress', 0, 'client_started'],
      ['client_hello_done', 1, 'client_hello'],
      ['client_cert_done', 2, 'client_cert'],
      ['client_handshake_done', 3],
      ['client_finished', 4],
      ['request_complete', 4],
    ]),
    ...chain('to_client', [
      ['response_started', 0],
      ['server_in_progress', 0],
      ['server_hello', 1],
      ['server_cert_done', 2, 'server_cert'],
      ['server_hello_done', 3],
      ['server_handshake_done', 4],
      ['server_finished', 5],
      ['response_complete', 5],
    ]),
  ],
  http1: [
    ...chain('to_server', ['request_started', 'request_line', 'request_headers', 'request_body', 'request_trailer', 'request_complete']),
    ...chain('to_client', ['response_started', 'response_line', 'response_headers', 'response_body', 'response_trailer', 'response_complete']),
  ],
  ssh: [
    ...chain('to_server', [['request_started', 0], ['request_in_progress', 0], ['request_banner_wait_eol', 1], ['request_banner_done', 2], ['request_finished', 3], ['request_complete', 3]]),
    ...chain('to_client', [['response_started', 0], ['response_in_progress', 0], ['response_banner_wait_eol', 1], ['response_banner_done', 2], ['response_finished', 3], ['response_complete', 3]]),
  ],
  smtp: [...chain('to_server', ['request_started', 'request_data', 'request_complete']), ...chain('to_client', ['response_started', 'response_data', 'response_complete'])],
  ...Object.fromEntries(
    [
      'dns', 'http2', 'quic', 'ftp', 'smb', 'imap', 'pop3', 'dhcp', 'sip', 'snmp', 'ntp', 'krb5', 'ike', 'ldap', 'mqtt', 'rdp', 'rfb', 'telnet',
      'websocket', 'doh2', 'mdns', 'nfs', 'tftp', 'dcerpc', 'ftp-data', 'bittorrent-dht',
    ].map((p) => [p, generic()]),
  ),
});

/**
 * AWS-only application substates with no Suricata 8.0.x equivalent (`http2:stream:request_headers`,
 * DG firewall-rule-constraints-protocol-hooks; upstream has `http2:stream:<state>` only on 9.0-dev).
 */
export const AWS_ONLY_HOOKS: Readonly<Record<string, readonly AppHook[]>> = lookupTable({
  http2: [{ name: 'stream:request_headers', direction: 'to_server', progress: 1 }],
});

/** Protocols whose app-layer hooks ride on TCP (need `accept:hook tcp:all` carriers both ways). */
export const TCP_APP_PROTOCOLS: ReadonlySet<string> = new Set([
  'tls', 'http1', 'http2', 'ssh', 'smtp', 'ftp', 'smb', 'imap', 'pop3', 'ldap', 'mqtt', 'rdp', 'rfb', 'telnet', 'websocket', 'doh2', 'nfs', 'dcerpc', 'ftp-data',
]);

/** Protocols whose app-layer hooks ride on UDP, or can (dns, krb5) (`accept:packet`/`drop:packet` valid at their app hooks). */
export const UDP_APP_PROTOCOLS: ReadonlySet<string> = new Set(['dns', 'krb5', 'quic', 'dhcp', 'sip', 'snmp', 'ntp', 'tftp', 'mdns', 'bittorrent-dht', 'ike']);

/** The packet hook named `name`, if any. */
export function packetHook(name: string): PacketHook | undefined {
  return PACKET_HOOKS.find((h) => h.name === name);
}
