import { lookupTable } from '../catalog/lookup-table.js';

/*
 * The hook at which each application-layer keyword's data exists. In firewall mode a keyword is valid
 * only at that one hook (not earlier, not later: `request_complete` is no catch-all). Upstream refuses
 * anything else with "engine progress value P doesn't match hook H"; AWS rejects the rule group
 * (DG firewall-rule-constraints-keyword-hook, nwfw-v2-firewall-engine-limitations).
 *
 * Source: the `DetectAppLayerInspectEngineRegister` progress of each keyword in Suricata 8.0.x
 * (src/detect-tls-sni.c, detect-tls-ja3-*.c, detect-ja4-hash.c, detect-tls-cert-*.c, detect-ssl-state.c,
 * detect-http-*.c, detect-ssh-*.c, detect-quic-*.c, rust/src/dns/detect.rs), cross-checked on 8.0.8
 * (../shared/docs/AWS-NEXT-GEN.md section 4.2). Hooks are upstream names; AWS names via firewall-hooks.ts.
 */

/** Where a keyword's data exists: one upstream hook per direction it works in. */
export interface KeywordHook {
  readonly protocol: string;
  readonly to_server?: string;
  readonly to_client?: string;
}

const tls = (to_server?: string, to_client?: string): KeywordHook => ({ protocol: 'tls', to_server, to_client });
const http1 = (to_server?: string, to_client?: string): KeywordHook => ({ protocol: 'http1', to_server, to_client });
const ssh = (to_server?: string, to_client?: string): KeywordHook => ({ protocol: 'ssh', to_server, to_client });

export const KEYWORD_HOOKS: Readonly<Record<string, KeywordHook>> = lookupTable({
  // TLS: ClientHello data (TLS_STATE_CLIENT_HELLO_DONE), ServerHello (TLS_STATE_SERVER_HELLO)
  'tls.sni': tls('client_hello_done'),
  tls_sni: tls('client_hello_done'),
  'ja3.hash': tls('client_hello_done'),
  'ja3.string': tls('client_hello_done'),
  ja3_hash: tls('client_hello_done'),
  ja3_string: tls('client_hello_done'),
  'ja4.hash': tls('client_hello_done'),
  'tls.random_time': tls('client_hello_done', 'server_hello'),
  'tls.random_bytes': tls('client_hello_done', 'server_hello'),
  'ja3s.hash': tls(undefined, 'server_hello'),
  'ja3s.string': tls(undefined, 'server_hello'),
  // `tls_generic` list, progress 0 (src/detect-ssl-state.c): only at the first TLS hook.
  ssl_state: tls('client_in_progress', 'server_in_progress'),
  ssl_version: tls('client_in_progress', 'server_in_progress'),
  // Certificates: client cert to_server, server cert to_client.
  'tls.cert_subject': tls('client_cert_done', 'server_cert_done'),
  'tls.cert_issuer': tls('client_cert_done', 'server_cert_done'),
  'tls.cert_serial': tls('client_cert_done', 'server_cert_done'),
  'tls.cert_fingerprint': tls('client_cert_done', 'server_cert_done'),
  'tls.certs': tls(undefined, 'server_cert_done'),
  tls_cert_subject: tls('client_cert_done', 'server_cert_done'),
  tls_cert_issuer: tls('client_cert_done', 'server_cert_done'),
  // HTTP/1 (libhtp progress: LINE = request_line/response_line, HEADERS, BODY)
  'http.method': http1('request_line'),
  http_method: http1('request_line'),
  'http.uri': http1('request_line'),
  'http.uri.raw': http1('request_line'),
  http_uri: http1('request_line'),
  http_raw_uri: http1('request_line'),
  'http.request_line': http1('request_line'),
  'http.protocol': http1('request_line', 'response_line'),
  'http.host': http1('request_headers'),
  'http.host.raw': http1('request_headers'),
  http_host: http1('request_headers'),
  http_raw_host: http1('request_headers'),
  'http.user_agent': http1('request_headers'),
  http_user_agent: http1('request_headers'),
  'http.header': http1('request_headers', 'response_headers'),
  http_header: http1('request_headers', 'response_headers'),
  'http.header.raw': http1('request_headers', 'response_headers'),
  'http.header_names': http1('request_headers', 'response_headers'),
  'http.start': http1('request_headers', 'response_headers'),
  'http.cookie': http1('request_headers', 'response_headers'),
  http_cookie: http1('request_headers', 'response_headers'),
  'http.request_body': http1('request_body'),
  http_client_body: http1('request_body'),
  'http.stat_code': http1(undefined, 'response_line'),
  http_stat_code: http1(undefined, 'response_line'),
  'http.stat_msg': http1(undefined, 'response_line'),
  http_stat_msg: http1(undefined, 'response_line'),
  'http.response_line': http1(undefined, 'response_line'),
  // SSH (SshStateBannerDone)
  'ssh.software': ssh('request_banner_done', 'response_banner_done'),
  'ssh.proto': ssh('request_banner_done', 'response_banner_done'),
  ssh_proto: ssh('request_banner_done', 'response_banner_done'),
  ssh_software: ssh('request_banner_done', 'response_banner_done'),
  'ssh.hassh': ssh('request_banner_done'),
  'ssh.hassh.string': ssh('request_banner_done'),
  'ssh.hassh.server': ssh(undefined, 'response_banner_done'),
  'ssh.hassh.server.string': ssh(undefined, 'response_banner_done'),
  // DNS, QUIC: two-state protocols, the data is there at completion.
  'dns.query': { protocol: 'dns', to_server: 'request_complete' },
  dns_query: { protocol: 'dns', to_server: 'request_complete' },
  'quic.sni': { protocol: 'quic', to_server: 'request_complete' },
  'quic.ua': { protocol: 'quic', to_server: 'request_complete' },
});

/**
 * Payload keywords: they inspect packet or stream payload, so at a packet hook (`tcp:all`, `udp:all`)
 * they are refused by AWS (DG firewall-rule-constraints-packet-payload) and make Suricata 8.0.8 abort
 * (assertion in `DetectRuleSetTable`, exit 134) instead of refusing the rule.
 */
export const PAYLOAD_KEYWORDS: ReadonlySet<string> = new Set([
  'content', 'pcre', 'byte_test', 'byte_jump', 'byte_extract', 'byte_math', 'isdataat', 'uricontent', 'base64_decode', 'base64_data', 'dataset', 'datarep', 'luajit', 'lua',
]);
