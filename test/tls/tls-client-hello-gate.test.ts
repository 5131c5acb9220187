import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/tls-client-hello-gate.js';
import { col, runRuleTests } from '../rules/rule-tester.js';
import { runKnownGaps } from './known-gaps.js';

const CH = 'ssl_state:client_hello; ';
/** The rule with `ssl_state:client_hello; ` inserted right after its first `(`. */
const gated = (code: string, nth = 1): string => {
  let at = -1;
  for (let i = 0; i < nth; i++) at = code.indexOf('(', at + 1);
  return code.slice(0, at + 1) + CH + code.slice(at + 1);
};

const oldGenerated = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not matching any TLS allowlisted FQDNs"; flow:to_server, established; sid:31; rev:1;)';
const rejectNon443 = 'reject tls $HOME_NET any -> any !443 (msg:"Egress TLS but not port TCP/443"; flow:to_server; sid:202501031;)';
const passBare = 'pass tls $HOME_NET any -> any any (flow:to_server; sid:5;)';
const alertSets = 'alert tls $HOME_NET any -> any any (flowbits:set,tls_seen; noalert; flow:to_server; sid:6;)\ndrop tcp $HOME_NET any -> any any (flowbits:isset,tls_seen; flow:to_server; sid:7;)';
const alertToggles = 'alert tls any any -> any any (flowbits:toggle,t; noalert; sid:8;)\nreject ip any any -> any any (flowbits:isset,t; sid:9;)';
const negOnly = 'drop tls any any -> any any (ssl_state:!server_hello; flow:to_server; sid:10;)';
const negOnlyTcp = 'drop tcp any any -> any 443 (flow:to_server; ssl_state:!server_hello,!client_keyx; sid:11;)';
const negUnknown = 'drop tls any any -> any any (ssl_state:!unknown; sid:12;)';
const negClientHello = 'drop tls any any -> any any (ssl_state:!client_hello; flow:to_server; sid:13;)';
const mixed = 'drop tls any any -> any any (ssl_state:client_hello|!server_hello; sid:14;)';
const tcpAppLayer = 'drop tcp $HOME_NET any -> any 443 (app-layer-protocol:tls; flow:to_server; sid:15;)';
const ipAppLayer = 'reject ip any any -> any any (app-layer-protocol:tls; sid:16;)';
const continued = 'drop tls any any -> any any (\\\n  flow:to_server; sid:17;)';
const rejectBoth = 'rejectboth tls any any -> any any (flow:established; sid:18;)';
const scoped = 'drop:flow tls any any -> any any (flow:to_server; sid:19;)';
const sslProto = 'drop ssl any any -> any any (flow:to_server; sid:20;)';
const indented = '  drop tls any any -> any any (flow:to_server; sid:21;)';
const crlf = 'drop tls any any -> any any (flow:to_server; sid:22;)\r\ndrop tls any any -> any any (flow:to_server; sid:23;)\r\n';

runRuleTests(rule, {
  valid: [
    // Plain alert rules are IDS telemetry: off unless they set a flowbit a blocking rule reads.
    'alert tls any any -> any any (flow:to_server; sid:1;)',
    { name: 'alert setting a flowbit nobody blocks on', code: 'alert tls any any -> any any (flowbits:set,x; noalert; sid:1;)\nalert tcp any any -> any any (flowbits:isset,x; sid:2;)' },
    { name: 'alert setting a flowbit a pass rule reads (issue: only blocking readers count)', code: 'alert tls any any -> any any (flowbits:set,x; noalert; sid:1;)\npass tcp any any -> any any (flowbits:isset,x; sid:2;)' },
    // Gated by a positive ssl_state.
    'drop tls any any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)',
    'drop tls any any -> any any (flow:to_server, established; ssl_state:client_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello|server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello,server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_keyx; sid:1;)',
    // Gated by a ClientHello buffer.
    'drop tls any any -> any any (tls.sni; content:"example.com"; flow:to_server; sid:1;)',
    'drop tls any any -> any any (tls_sni; content:"example.com"; sid:1;)',
    'drop tls any any -> any any (ja3.hash; content:"e7d705a3286e19ea42f587b344ee6865"; sid:1;)',
    'drop tls any any -> any any (ja3_hash; content:"e7d705a3286e19ea42f587b344ee6865"; sid:1;)',
    'drop tls any any -> any any (ja3.string; content:"771,"; sid:1;)',
    'reject tls any any -> any any (ja4.hash; content:"_"; flow:to_server; sid:1;)',
    'drop tls any any -> any any (tls.random; content:"|00|"; flow:to_server; sid:1;)',
    'drop tls any any -> any any (tls.random_time; content:"|00|"; sid:1;)',
    // Server side: waits for the server's messages, so never early (and never given the fix).
    'drop tls any any -> any any (ja3s.hash; content:"x"; sid:1;)',
    'drop tls any any -> any any (ja3s.string; content:"x"; sid:1;)',
    'reject tls $EXTERNAL_NET 443 -> $HOME_NET any (tls.cert_issuer; content:"="; nocase; sid:897972;)',
    'drop tls any any -> any any (tls.cert_subject; content:"CN=x"; sid:1;)',
    'drop tls any any -> any any (tls.cert_serial; content:"00"; sid:1;)',
    'drop tls any any -> any any (tls.cert_fingerprint; content:"aa"; sid:1;)',
    'drop tls any any -> any any (tls.certs; content:"x"; sid:1;)',
    'drop tls any any -> any any (tls.subject:"CN=x"; sid:1;)',
    'drop tls any any -> any any (tls.issuerdn:"CN=x"; sid:1;)',
    'drop tls any any -> any any (tls_cert_expired; sid:1;)',
    'drop tls any any -> any any (tls_cert_valid; sid:1;)',
    'drop tls any any -> any any (tls_cert_notafter:<2020-01-01; sid:1;)',
    // Server-to-client rules see the ServerHello first, after the ClientHello is complete.
    'drop tls any any -> any any (flow:to_client; sid:1;)',
    'drop tls any any -> any any (flow:established,from_server; sid:1;)',
    'drop tls any any -> any any (flow:not_established; sid:1;)',
    // Record-version rules belong to tls-version-early-match.
    'reject tls any any -> any any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)',
    'reject tls any any -> any any (tls.version:1.0; sid:1;)',
    // Not TLS rules.
    'drop tcp any any -> any any (flow:to_server, established; sid:1;)',
    'reject tcp $HOME_NET any -> any 443 (app-layer-protocol:!tls; flow:to_server; sid:1;)',
    'drop http any any -> any any (flow:to_server; sid:1;)',
    'drop quic $HOME_NET any -> any any (flow:to_server; sid:1;)',
    '# drop tls any any -> any any (flow:to_server; sid:1;)',
    { name: 'indented rule under the suricata profile (Suricata skips it)', code: indented, options: { profile: 'suricata', inline: true } },
    // Passively (IDS) nothing is blocked and a gated rule would never fire (replayed): silent.
    { name: 'suricata profile: passive by default', code: oldGenerated, options: { profile: 'suricata' } },
    { name: 'aws-nfw with inline: false', code: [oldGenerated, passBare, alertSets].join('\n'), options: { inline: false } },
    // Server-to-client by the header's ports (issue 14 item 5: gated it never fires again).
    'drop tls $EXTERNAL_NET 443 -> $HOME_NET any (flow:established; sid:46;)',
    'drop tls $EXTERNAL_NET $HTTP_PORTS -> $HOME_NET any (sid:47;)',
    'drop tls any [443,8443] -> any any (sid:48;)',
    // A pass gated by a flowbit that only a ClientHello-complete rule sets (issue 20 item 3).
    {
      name: 'pass gated by a flowbit set only at the complete ClientHello',
      code: [
        'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; endswith; flowbits:set,allowed_sni; noalert; flow:to_server; sid:1;)',
        'pass tls $HOME_NET any -> any any (flowbits:isset,allowed_sni; flow:to_server; sid:2;)',
      ].join('\n'),
    },
    // AWS's own patterns.
    {
      name: "AWS best-practice PQC flowbit pattern (the alert must fire early; only 'isnotset' reads PQC)",
      code: [
        'reject tls $HOME_NET any -> any any (msg:"Default Egress HTTPS Reject"; ssl_state:client_hello; ja4.hash; content:"_"; flowbits:set,blocked; flow:to_server; sid:999991;)',
        'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:isnotset,blocked; flowbits:set,PQC; noalert; flow:to_server; sid:999993;)',
        'reject http $HOME_NET any -> any any (msg:"Default Egress HTTP Reject"; flowbits:set,blocked; flow:to_server; sid:999992;)',
        'reject tcp $HOME_NET any -> any any (msg:"Default Egress TCP Reject"; flowbits:isnotset,blocked; flowbits:isnotset,PQC; flow:to_server; sid:999994;)',
      ].join('\n'),
    },
    'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not matching any TLS allowlisted FQDNs"; priority:1; ssl_state:client_hello; flow:to_server, established; sid:3; rev:1;)',
  ],
  invalid: [
    {
      name: 'old generated domain-list drop rule (aws-nfw: error, fixed)',
      code: oldGenerated,
      errors: [{ line: 1, column: 1, severity: 'error', message: 'this drop rule can match the first TCP segment of a split ClientHello' }],
      output: gated(oldGenerated),
    },
    {
      name: 'same rule under the suricata profile run inline: warning',
      code: oldGenerated,
      options: { profile: 'suricata', inline: true },
      errors: [{ line: 1, column: 1, severity: 'warning' }],
      output: gated(oldGenerated),
    },
    { name: 'reject on a port list', code: rejectNon443, errors: [{ column: 1, severity: 'error', message: 'this reject rule' }], output: gated(rejectNon443) },
    { name: 'rejectboth', code: rejectBoth, errors: [{ severity: 'error', message: 'this rejectboth rule' }], output: gated(rejectBoth) },
    { name: 'Suricata 8 action scope drop:flow', code: scoped, options: { suricataVersion: 8 }, errors: [{ column: 1, severity: 'error' }], output: gated(scoped) },
    { name: 'protocol ssl', code: sslProto, errors: [{ severity: 'error' }], output: gated(sslProto) },
    { name: 'indented rule under aws-nfw (the service trims it)', code: indented, errors: [{ column: 3, severity: 'error' }], output: gated(indented) },
    { name: 'pass (aws-nfw): warning, says it passes one packet', code: passBare, errors: [{ severity: 'warning', message: 'pass passes that one packet before the SNI is known' }], output: gated(passBare) },
    { name: 'pass (suricata, inline): info', code: passBare, options: { profile: 'suricata', inline: true }, errors: [{ severity: 'info' }], output: gated(passBare) },
    { name: 'reject says it resets the connection', code: rejectNon443, errors: [{ message: 'reject resets the connection' }] },
    { name: 'drop says it drops that segment', code: oldGenerated, errors: [{ message: 'drop drops that segment and the client has to retransmit it' }] },
    {
      name: 'packet keyword (dsize): flagged, no fix (Suricata refuses ssl_state beside it)',
      code: 'drop tls $HOME_NET any -> any any (dsize:>0; flow:to_server, established; sid:40;)',
      errors: [{ column: 1, severity: 'error', message: 'this drop rule' }],
      output: null,
    },
    ...['flags:PA', 'ttl:64', 'window:1024', 'seq:0', 'ack:0', 'fragbits:M', 'id:1', 'tcp.mss:1400', 'tos:0', 'sameip', 'tcp.hdr; content:"x"', 'ipv4.hdr; content:"x"', 'flow:no_stream'].map((kw) => ({
      name: `packet keyword ${kw}: no fix`,
      code: `drop tls $HOME_NET any -> any any (${kw}; flow:to_server; sid:41;)`,
      errors: [{ column: 1 }],
      output: null,
    })),
    {
      name: 'gating moves the first segment to a later catch-all: said in the message',
      code: `${oldGenerated}\nreject tcp $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; sid:99;)`,
      errors: [{ line: 1, message: 'the first segment falls to the catch-all sid:99 (reject tcp) instead' }],
    },
    {
      name: 'action order: a catch-all anywhere takes the first segment',
      code: `reject tcp $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; sid:99;)\n${oldGenerated}`,
      options: { ruleOrder: 'action' },
      errors: [{ line: 2, message: 'falls to the catch-all sid:99' }],
    },
    {
      name: 'alert that sets a flowbit a drop rule reads',
      code: alertSets,
      errors: [{ line: 1, column: 1, severity: 'warning', message: "sets flowbit 'tls_seen'" }],
      output: gated(alertSets),
    },
    { name: 'alert that toggles a flowbit a reject rule reads (suricata, inline: info)', code: alertToggles, options: { profile: 'suricata', inline: true }, errors: [{ line: 1, severity: 'info', message: "flowbit 't'" }], output: gated(alertToggles) },
    {
      name: 'negation-only ssl_state is merged, not duplicated',
      code: negOnly,
      errors: [{ column: 1, severity: 'error' }],
      output: negOnly.replace('!server_hello', 'client_hello'),
    },
    {
      name: 'tcp rule with a TLS keyword (negation-only list merged)',
      code: negOnlyTcp,
      errors: [{ column: 1, message: 'this drop rule' }],
      output: negOnlyTcp.replace('!server_hello,!client_keyx', 'client_hello'),
    },
    { name: 'ssl_state:!unknown always matches: merged', code: negUnknown, errors: [{ column: 1 }], output: negUnknown.replace('!unknown', 'client_hello') },
    {
      name: 'ssl_state:!client_hello: flagged, no fix (it would contradict)',
      code: negClientHello,
      errors: [{ column: 1, severity: 'error' }],
      output: null,
    },
    { name: 'mixed list client_hello|!server_hello matches before any handshake message', code: mixed, errors: [{ column: 1 }] },
    { name: 'tcp rule with app-layer-protocol:tls (fix checked in the known gaps)', code: tcpAppLayer, errors: [{ column: 1, severity: 'error' }] },
    { name: 'ip rule with app-layer-protocol:tls', code: ipAppLayer, errors: [{ column: 1, message: 'this reject rule' }] },
    { name: 'rule continued with a backslash', code: continued, errors: [{ line: 1, column: 1 }], output: gated(continued) },
    {
      name: 'two rules, CRLF line endings kept',
      code: crlf,
      errors: [{ line: 1, column: 1 }, { line: 2, column: 1 }],
      output: gated(gated(crlf), 2),
    },
    {
      name: 'column of the action on the second line',
      code: `pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"a"; sid:1;)\n${oldGenerated}`,
      errors: [{ line: 2, column: col(oldGenerated, 'drop') }],
    },
  ],
});

runKnownGaps(rule, [
  {
    name: 'fix on tcp + app-layer-protocol:tls must load', resolved: true,
    why: "Suricata 7.0.10 rejects 'ssl_state:client_hello; app-layer-protocol:tls;' (\"already seen a non-negated app-layer-protocol\") but loads it after the app-layer-protocol option; the fix inserts it before, so the fixed rule no longer loads",
    code: tcpAppLayer,
    errors: [{ column: 1 }],
    output: tcpAppLayer.replace('app-layer-protocol:tls; ', `app-layer-protocol:tls; ${CH}`),
  },
  {
    name: 'drop tls with tls_store only', resolved: true,
    why: "tls_store is a postmatch action, not a condition: Suricata's engine analysis lists the rule as type app_layer with no inspect engines, exactly like a bare 'drop tls', so it fires on the first segment; it should be flagged (without a fix, since ssl_state:client_hello would leave no certificate to store)",
    code: 'drop tls any any -> any any (tls_store; flow:to_server; sid:1;)',
    errors: [{ column: 1 }],
    output: null,
  },
  {
    name: 'Suricata 8 hook tls:client_hello_done already gates', resolved: true,
    why: 'an explicit client_hello_done hook evaluates the rule only after the ClientHello is parsed; the rule cannot fire early, so it should not be flagged',
    code: 'drop tls:client_hello_done any any -> any any (sid:22;)',
    options: { suricataVersion: 8 },
    errors: [],
  },
  {
    name: 'server-to-client header without flow keyword', resolved: true,
    why: "'$EXTERNAL_NET 443 -> $HOME_NET any' only matches the server's packets, the first of which is the ServerHello (after the ClientHello); ssl_state:client_hello would make the rule never match there, so no safe fix should be offered",
    code: 'drop tls $EXTERNAL_NET 443 -> $HOME_NET any (msg:"server side"; sid:1;)',
    errors: [],
    output: null,
  },
  {
    name: 'compatible mixed ssl_state is merged rather than a second ssl_state added', resolved: true,
    why: "the issue asks to merge into a compatible ssl_state; 'client_hello|!server_hello' AND client_hello is client_hello, so the value can be replaced instead of adding a second ssl_state option",
    code: mixed,
    errors: [{ column: 1 }],
    output: mixed.replace('client_hello|!server_hello', 'client_hello'),
  },
]);

describe('tls-client-hello-gate: a pass gated by a flowbit is still flagged when an early rule also sets it', () => {
  it('one ungated setter makes the flowbit available on the first segment', async () => {
    const { lintText } = await import('../../src/linter/linter.js');
    const code = [
      'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; flowbits:set,ok; noalert; flow:to_server; sid:1;)',
      'alert tls $HOME_NET any -> any any (flowbits:set,ok; noalert; flow:to_server; sid:3;)',
      'pass tls $HOME_NET any -> any any (flowbits:isset,ok; flow:to_server; sid:2;)',
    ].join('\n');
    const ds = lintText(code, { profile: 'aws-nfw' }).filter((d) => d.ruleId === rule.meta.id);
    expect(ds.map((d) => d.message.slice(0, 20))).toEqual(['this pass rule can m']);
  });
});
