/**
 * The worked examples of ../shared/docs/AWS-NEXT-GEN.md section 11 (AWS spelling), with the verdict the
 * note gives: AWS's (from its constraint table, section 4) and Suricata 8.0.8's on the upstream spelling.
 * `ids` are the lint rules that must report the refused ones (under aws-nfw-firewall).
 */
export interface NgExample {
  readonly id: string;
  readonly rule: string;
  readonly valid: boolean;
  /** Lint rules expected to report (refused examples). */
  readonly ids?: readonly string[];
  /** Suricata 8.0.8 aborts on it (never sent to the engine). */
  readonly aborts?: boolean;
  /** Why AWS and upstream differ, when they do. */
  readonly differs?: string;
}

export const SECTION_11: readonly NgExample[] = [
  { id: 'V1', valid: true, rule: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1000001;)' },
  { id: 'V2', valid: true, rule: 'accept:hook tcp:all $EXTERNAL_NET 443 -> $HOME_NET any (flow:to_client; sid:1000002;)' },
  { id: 'V3', valid: true, rule: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"api.example.org"; endswith; nocase; sid:1000003;)' },
  { id: 'V4', valid: true, rule: 'accept:hook tls:client_started $HOME_NET any -> $EXTERNAL_NET any (sid:1000004;)' },
  { id: 'V5', valid: true, rule: 'drop:flow,alert tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:".example.net"; endswith; sid:1000005;)' },
  { id: 'V6', valid: true, rule: 'accept:flow,pass:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"updates.example.com"; startswith; endswith; sid:1000006;)' },
  { id: 'V7', valid: true, rule: 'accept:tx http1:<request_headers $HOME_NET any -> $EXTERNAL_NET 80 (http.host; content:"intranet.example.org"; sid:1000007;)' },
  { id: 'V8', valid: true, rule: 'reject:packet tcp:all $HOME_NET any -> $EXTERNAL_NET 23 (flow:to_server; sid:1000008;)' },
  { id: 'V9', valid: true, rule: 'accept:hook tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.version:1.2; sid:1000010;)' },
  { id: 'V10', valid: true, rule: 'accept:hook http1:request_line $HOME_NET any -> $EXTERNAL_NET any (http.method; content:"GET"; sid:1000014;)' },
  { id: 'V11', valid: true, rule: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (app-layer-protocol:tls; sid:1000013;)' },
  { id: 'V12', valid: true, rule: 'accept:packet udp:all $HOME_NET any -> any 123 (sid:1000012;)' },
  { id: 'R1', valid: false, ids: ['fw-primary-action'], rule: 'pass:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000001;)' },
  { id: 'R2', valid: false, ids: ['fw-primary-action'], rule: 'alert tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000002;)' },
  { id: 'R3', valid: false, ids: ['fw-action-scope'], rule: 'accept tcp:all $HOME_NET any -> $EXTERNAL_NET any (sid:2000003;)' },
  { id: 'R4', valid: false, ids: ['parse-error'], rule: 'drop:hook tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000004;)' },
  { id: 'R5', valid: false, ids: ['fw-keyword-hook'], rule: 'accept:flow tls:client_finished $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000005;)' },
  { id: 'R6', valid: false, ids: ['fw-payload-packet-hook'], aborts: true, differs: 'AWS refuses it; Suricata 8.0.8 aborts (exit 134) instead', rule: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET any (content:"GET"; sid:2000006;)' },
  { id: 'R7', valid: false, ids: ['fw-accept-prior-hooks'], rule: 'drop:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000007;)' },
  { id: 'R8', valid: false, ids: ['fw-missing-hook'], rule: 'accept:flow tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000008;)' },
  { id: 'R9', valid: false, ids: ['fw-action-scope'], rule: 'accept:hook,pass:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000009;)' },
  { id: 'R10', valid: false, ids: ['fw-keyword-hook'], rule: 'accept:flow http1:request_complete $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"example.com"; sid:2000010;)' },
  { id: 'R11', valid: false, ids: ['fw-ipset-reference'], rule: 'accept:flow tls:client_hello @BLOCKED_PL any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000012;)' },
  { id: 'R12', valid: false, ids: ['fw-keyword-hook'], rule: 'accept:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:3000003;)' },
  { id: 'R13', valid: false, ids: ['fw-action-scope'], rule: 'accept:packet tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000014;)' },
  { id: 'R14', valid: false, ids: ['fw-direction'], rule: 'accept:flow tls:client_hello $HOME_NET any => $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000011;)' },
  { id: 'R15', valid: false, ids: ['fw-primary-action'], aborts: true, differs: 'AWS does not support config; upstream parses config:packet but 8.0.8 aborts on it at tcp:all', rule: 'config:packet tcp:all any any -> any any (config: logging disable, type tx, scope tx; sid:2000016;)' },
  { id: 'R16', valid: false, ids: ['fw-accept-prior-hooks'], rule: 'accept:hook tcp:<all $HOME_NET any -> $EXTERNAL_NET any (sid:2000018;)' },
];

/** The note's upstream spelling of an AWS rule (AWS `client_started` -> `client_in_progress`, `client_hello` -> `client_hello_done`). */
export function toUpstream(rule: string): string {
  return rule.replace(/tls:(<?)client_started\b/g, 'tls:$1client_in_progress').replace(/tls:(<?)client_hello\b/g, 'tls:$1client_hello_done');
}
