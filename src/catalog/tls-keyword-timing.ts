/**
 * When each TLS keyword's data exists, relative to a ClientHello that spans several TCP segments
 * (DOMAIN.md 2.3, read from Suricata 7.0.8/8.0.3 source). This table drives every TLS check.
 *
 * - `client-hello`: a buffer filled from the parsed ClientHello (to_server); absent on the first
 *   segment of a split ClientHello, so a rule using it cannot fire early.
 * - `hello`: ClientHello when inspected to_server, ServerHello when to_client.
 * - `server-hello`: filled from the ServerHello (to_client).
 * - `certificate`: filled from the server's Certificate message (TLS <= 1.2, or 1.3 with inspection).
 * - `record`: record-layer fields, available as soon as a record header arrives (first segment).
 * - `state`: the handshake state itself (`ssl_state`).
 * - `store`: a post-match action (`tls_store`), not a condition: it gates nothing, and
 *   `ssl_state:client_hello` next to it would store no certificate.
 */
export type TlsPhase = 'client-hello' | 'hello' | 'server-hello' | 'certificate' | 'record' | 'state' | 'store';

export interface TlsKeywordTiming {
  readonly keyword: string;
  readonly aliases: readonly string[];
  readonly phase: TlsPhase;
  readonly since: 7 | 8;
}

export const TLS_KEYWORD_TIMING: readonly TlsKeywordTiming[] = [
  { keyword: 'tls.sni', aliases: ['tls_sni'], phase: 'client-hello', since: 7 },
  { keyword: 'ja3.hash', aliases: ['ja3_hash'], phase: 'client-hello', since: 7 },
  { keyword: 'ja3.string', aliases: ['ja3_string'], phase: 'client-hello', since: 7 },
  { keyword: 'ja4.hash', aliases: ['ja4_hash'], phase: 'client-hello', since: 7 },
  { keyword: 'tls.random', aliases: [], phase: 'hello', since: 7 },
  { keyword: 'tls.random_time', aliases: [], phase: 'hello', since: 7 },
  { keyword: 'tls.random_bytes', aliases: [], phase: 'hello', since: 7 },
  { keyword: 'tls.alpn', aliases: [], phase: 'hello', since: 8 },
  { keyword: 'ja3s.hash', aliases: ['ja3s_hash'], phase: 'server-hello', since: 7 },
  { keyword: 'ja3s.string', aliases: ['ja3s_string'], phase: 'server-hello', since: 7 },
  { keyword: 'tls.cert_subject', aliases: ['tls_cert_subject'], phase: 'certificate', since: 7 },
  { keyword: 'tls.cert_issuer', aliases: ['tls_cert_issuer'], phase: 'certificate', since: 7 },
  { keyword: 'tls.cert_serial', aliases: ['tls_cert_serial'], phase: 'certificate', since: 7 },
  { keyword: 'tls.cert_fingerprint', aliases: ['tls_cert_fingerprint'], phase: 'certificate', since: 7 },
  { keyword: 'tls.certs', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls.subjectaltname', aliases: [], phase: 'certificate', since: 8 },
  { keyword: 'tls.subject', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls.issuerdn', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls.fingerprint', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls_cert_notbefore', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls_cert_notafter', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls_cert_expired', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls_cert_valid', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls.cert_chain_len', aliases: [], phase: 'certificate', since: 7 },
  { keyword: 'tls_store', aliases: ['tls.store'], phase: 'store', since: 7 },
  { keyword: 'ssl_version', aliases: [], phase: 'record', since: 7 },
  { keyword: 'tls.version', aliases: [], phase: 'record', since: 7 },
  { keyword: 'ssl_state', aliases: [], phase: 'state', since: 7 },
];

const BY_NAME = new Map<string, TlsKeywordTiming>();
for (const t of TLS_KEYWORD_TIMING) {
  BY_NAME.set(t.keyword, t);
  for (const a of t.aliases) BY_NAME.set(a, t);
}

/*
 * First characters of the names above (`t`, `j`, `s`): every option of every rule is looked up, and
 * most (content, msg, flow, ...) are ruled out by their first character without a Map look-up.
 */
const FIRST_CHARS = new Set<number>();
for (const name of BY_NAME.keys()) FIRST_CHARS.add(name.charCodeAt(0));

/** Timing of a TLS keyword by (lower-cased) name or alias; undefined for non-TLS keywords. */
export function tlsKeywordTiming(name: string): TlsKeywordTiming | undefined {
  return FIRST_CHARS.has(name.charCodeAt(0)) ? BY_NAME.get(name) : undefined;
}

/** The `ssl_state` values Suricata accepts (case-sensitive, compared with strcmp). */
export const SSL_STATES: readonly string[] = ['client_hello', 'server_hello', 'client_keyx', 'server_keyx', 'unknown'];
