/**
 * A connection to simulate and the packets it is made of, in the order AWS Network Firewall's Suricata
 * sees them. The TLS sequence follows DOMAIN.md 1.3: Suricata detects `tls` on the first ClientHello
 * segment but parses the ClientHello (SNI, JA3/JA4, `ssl_state:client_hello`) only once the whole record
 * has arrived, so a post-quantum ClientHello split over two segments gives one packet where the flow is
 * TLS and nothing of the ClientHello is known yet.
 */

export type ConnectionProtocol = 'tls' | 'http' | 'dns' | 'quic' | 'tcp' | 'udp' | 'icmp';

/** `pq-split`: a ClientHello with an X25519MLKEM768 key share, sent in two TCP segments; `classic`: one segment. */
export type TlsClient = 'pq-split' | 'classic';

export interface Connection {
  readonly protocol: ConnectionProtocol;
  readonly source: string;
  readonly sourcePort: number;
  readonly destination: string;
  readonly destinationPort: number;
  /** TLS/QUIC server name (absent: the ClientHello has no SNI). */
  readonly sni?: string;
  /** HTTP Host header. */
  readonly host?: string;
  /** DNS query name. */
  readonly query?: string;
  readonly client?: TlsClient;
  /** JA4 fingerprint of the ClientHello; default: a typical TLS 1.3 one (with `d`/`i` for SNI or none). */
  readonly ja4?: string;
}

/** Where a packet sits in the connection (for reports and the default actions). */
export type PacketStep =
  | 'syn'
  | 'syn-ack'
  | 'ack'
  | 'client-hello-1'
  | 'client-hello'
  | 'server-hello'
  | 'client-data'
  | 'http-request'
  | 'http-response'
  | 'dns-query'
  | 'dns-response'
  | 'quic-initial'
  | 'quic-response'
  | 'data'
  | 'reply'
  | 'echo-request'
  | 'echo-reply';

/** One packet as detection sees it. */
export interface SimPacket {
  readonly step: PacketStep;
  /** Human description ("first ClientHello segment (no SNI parsed yet)"). */
  readonly label: string;
  readonly toServer: boolean;
  readonly established: boolean;
  readonly transport: 'tcp' | 'udp' | 'icmp';
  /** App-layer protocol detected on the flow at this packet (undefined: not yet / none). */
  readonly appProto?: string;
  /** Handshake state for `ssl_state` (Suricata keeps one per flow, set by the last parsed message). */
  readonly sslState?: 'client_hello' | 'server_hello';
  /** Sticky buffers available on this packet, by Suricata name. */
  readonly buffers: Readonly<Record<string, string>>;
  /** The app layer's first decision point: the complete request (ClientHello, HTTP request, DNS query). */
  readonly appDecision: boolean;
  /** Carries payload (the app-layer default actions look at packets with data). */
  readonly hasData: boolean;
}

/** A typical TLS 1.3 JA4 (Chrome-like), with `d` (SNI present) or `i` (no SNI) in the fourth position. */
function defaultJa4(sni: string | undefined): string {
  return `t13${sni ? 'd' : 'i'}1516h2_8daaf6152771_e5627efa2ab1`;
}

/** The packets of a connection, in order. Pure. */
export function packetsOf(c: Connection): SimPacket[] {
  const tcpOpen: SimPacket[] = [
    { step: 'syn', label: 'SYN', toServer: true, established: false, transport: 'tcp', buffers: {}, appDecision: false, hasData: false },
    { step: 'syn-ack', label: 'SYN-ACK', toServer: false, established: false, transport: 'tcp', buffers: {}, appDecision: false, hasData: false },
    // Suricata flags a packet established from the flow state before the stream engine runs, so the
    // handshake's last ACK still counts as not established (the first data packet is the first established one).
    { step: 'ack', label: 'ACK (handshake complete)', toServer: true, established: false, transport: 'tcp', buffers: {}, appDecision: false, hasData: false },
  ];
  switch (c.protocol) {
    case 'tls': {
      const hello: Record<string, string> = { 'ja4.hash': c.ja4 ?? defaultJa4(c.sni) };
      if (c.sni !== undefined) hello['tls.sni'] = c.sni;
      const out = [...tcpOpen];
      if ((c.client ?? 'pq-split') === 'pq-split') {
        out.push({ step: 'client-hello-1', label: 'first ClientHello segment (TLS detected, ClientHello not parsed yet)', toServer: true, established: true, transport: 'tcp', appProto: 'tls', buffers: {}, appDecision: false, hasData: true });
      }
      out.push(
        { step: 'client-hello', label: c.client === 'classic' ? 'ClientHello (one segment)' : 'second ClientHello segment (ClientHello complete)', toServer: true, established: true, transport: 'tcp', appProto: 'tls', sslState: 'client_hello', buffers: hello, appDecision: true, hasData: true },
        { step: 'server-hello', label: 'ServerHello', toServer: false, established: true, transport: 'tcp', appProto: 'tls', sslState: 'server_hello', buffers: {}, appDecision: false, hasData: true },
        { step: 'client-data', label: 'client Finished / application data', toServer: true, established: true, transport: 'tcp', appProto: 'tls', sslState: 'server_hello', buffers: {}, appDecision: false, hasData: true },
      );
      return out;
    }
    case 'http':
      return [
        ...tcpOpen,
        { step: 'http-request', label: 'HTTP request', toServer: true, established: true, transport: 'tcp', appProto: 'http', buffers: c.host !== undefined ? { 'http.host': c.host.toLowerCase() } : {}, appDecision: true, hasData: true },
        { step: 'http-response', label: 'HTTP response', toServer: false, established: true, transport: 'tcp', appProto: 'http', buffers: {}, appDecision: false, hasData: true },
      ];
    case 'dns':
      return [
        { step: 'dns-query', label: 'DNS query', toServer: true, established: false, transport: 'udp', appProto: 'dns', buffers: c.query !== undefined ? { 'dns.query': c.query } : {}, appDecision: true, hasData: true },
        { step: 'dns-response', label: 'DNS response', toServer: false, established: true, transport: 'udp', appProto: 'dns', buffers: {}, appDecision: false, hasData: true },
      ];
    case 'quic':
      return [
        { step: 'quic-initial', label: 'QUIC Initial', toServer: true, established: false, transport: 'udp', appProto: 'quic', buffers: c.sni !== undefined ? { 'quic.sni': c.sni } : {}, appDecision: true, hasData: true },
        { step: 'quic-response', label: 'QUIC response', toServer: false, established: true, transport: 'udp', appProto: 'quic', buffers: {}, appDecision: false, hasData: true },
      ];
    case 'tcp':
      return [
        ...tcpOpen,
        { step: 'data', label: 'client data (no app layer recognised)', toServer: true, established: true, transport: 'tcp', buffers: {}, appDecision: true, hasData: true },
        { step: 'reply', label: 'server data', toServer: false, established: true, transport: 'tcp', buffers: {}, appDecision: false, hasData: true },
      ];
    case 'udp':
      return [
        { step: 'data', label: 'UDP datagram', toServer: true, established: false, transport: 'udp', buffers: {}, appDecision: true, hasData: true },
        { step: 'reply', label: 'UDP reply', toServer: false, established: true, transport: 'udp', buffers: {}, appDecision: false, hasData: true },
      ];
    case 'icmp':
      return [
        { step: 'echo-request', label: 'ICMP echo request', toServer: true, established: false, transport: 'icmp', buffers: {}, appDecision: true, hasData: true },
        { step: 'echo-reply', label: 'ICMP echo reply', toServer: false, established: true, transport: 'icmp', buffers: {}, appDecision: false, hasData: true },
      ];
  }
}
