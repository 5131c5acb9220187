import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/fix-loop.js';
import { lintText } from '../../src/linter/linter.js';
import rule from '../../src/rules/tls-catch-all-after-sni-pass.js';
import { runRuleTests } from '../rules/rule-tester.js';
import { runKnownGaps } from './known-gaps.js';

const sniPass = 'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"example.com"; dotprefix; nocase; flow: to_server, established; sid:53;)';
const ja4Pass = 'pass tls $HOME_NET any -> $EXTERNAL_NET 443 (ssl_state:client_hello; ja4.hash; content:"t13d"; startswith; flow:to_server; sid:3000010; rev:1;)';
const sniPassNoState = 'pass tls $HOME_NET any -> any any (tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)';
const dropEstablished = 'drop tcp $HOME_NET any -> $EXTERNAL_NET any (flow: to_server, established; sid:51;)';
const rejectTcp = 'reject tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"Default egress TCP reject"; flow:to_server, established; sid:1000099; rev:1;)';
const dropIp = 'drop ip $HOME_NET any -> any any (flow:to_server; sid:9;)';
const handshake = 'pass tcp $HOME_NET any -> $EXTERNAL_NET any (flow:not_established, to_server; sid:1000001;)';
const tlsDeny = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; msg:"not allowed"; flow:to_server, established; sid:1000090;)';
const strictSample = [handshake, sniPass, tlsDeny, rejectTcp].join('\n');
const pqc = (sid: number, addresses = '$HOME_NET any -> $EXTERNAL_NET any') =>
  `alert tls ${addresses} (msg:"PQC: a TLS flow, decided at the complete ClientHello"; flowbits:set,PQC; noalert; flow:to_server; sid:${sid};)`;
const deny = (action: string, sid: number, addresses = '$HOME_NET any -> $EXTERNAL_NET any') =>
  `${action} tls ${addresses} (msg:"TLS not passed above: blocked at the complete ClientHello"; ssl_state:client_hello; flow:to_server; sid:${sid};)`;

runRuleTests(rule, {
  valid: [
    { name: 'passive (inline: false): nothing is blocked', code: strictSample, options: { inline: false } },
    { name: 'suricata profile: passive by default', code: strictSample, options: { profile: 'suricata' } },
    { name: 'strict: catch-all before the pass rule (AWS published order)', code: [dropEstablished, sniPass].join('\n') },
    { name: 'names another app-layer protocol', code: [sniPass, 'reject tcp $HOME_NET any -> any 22 (app-layer-protocol:ssh; flow:to_server; sid:2;)'].join('\n') },
    { name: 'not TCP', code: [sniPass, 'drop ip $HOME_NET any -> any any (ip_proto:!TCP; ip_proto:!UDP; ip_proto:!ICMP; flow:to_server; sid:999997;)'].join('\n') },
    { name: 'handshake-only pass and to_client drop', code: [sniPass, 'pass tcp any any -> any any (flow:not_established; sid:2;)', 'drop tcp any any -> any any (flow:to_client; sid:3;)'].join('\n') },
    { name: 'alert catch-all', code: [sniPass, 'alert tcp any any -> any any (flow:to_server; sid:2;)'].join('\n') },
    { name: 'no ClientHello-keyed pass (pass on the certificate)', code: ['pass tls any 443 -> any any (tls.cert_issuer; content:"Amazon"; sid:1;)', rejectTcp].join('\n') },
    { name: 'the later blocking rule is itself a TLS rule', code: [sniPass, 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:3;)'].join('\n') },
    { name: 'exempted with app-layer-protocol:!tls, with a TLS default deny', code: [handshake, sniPass, tlsDeny, 'reject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; flow:to_server, established; sid:2;)'].join('\n') },
    {
      name: 'action order: exempted with app-layer-protocol:!tls, with a TLS default deny',
      code: [handshake, sniPass, tlsDeny, 'reject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; flow:to_server, established; sid:2;)'].join('\n'),
      options: { ruleOrder: 'action' },
    },
    {
      name: 'strict: AWS PQC flowbit pattern is not flagged',
      code: [
        handshake,
        sniPassNoState,
        'reject tls $HOME_NET any -> any any (msg:"Default Egress HTTPS Reject"; ssl_state:client_hello; ja4.hash; content:"_"; flowbits:set,blocked; flow:to_server; sid:999991;)',
        'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:isnotset,blocked; flowbits:set,PQC; noalert; flow:to_server; sid:999993;)',
        'reject http $HOME_NET any -> any any (msg:"Default Egress HTTP Reject"; flowbits:set,blocked; flow:to_server; sid:999992;)',
        'reject tcp $HOME_NET any -> any any (msg:"Default Egress TCP Reject"; flowbits:isnotset,blocked; flowbits:isnotset,PQC; flow:to_server; sid:999994;)',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'rules-samples egress allow list shape (strict): error on the catch-all, fixed with the PQC pattern',
      code: strictSample,
      errors: [{ line: 4, column: 1, severity: 'error', message: 'this reject tcp rule matches the first segment of a split (post-quantum) ClientHello: it comes after sid:53' }],
      output: [handshake, sniPass, tlsDeny, pqc(1000100), rejectTcp.replace('(', '(flowbits:isnotset,PQC; ')].join('\n'),
    },
    { name: 'reject: says it resets the connection', code: strictSample, errors: [{ message: 'reject resets the connection' }] },
    { name: 'drop: says it drops that one segment', code: [handshake, sniPass, tlsDeny, dropEstablished].join('\n'), errors: [{ message: 'drop drops that one segment' }] },
    {
      name: 'no TLS default deny: the fix adds one, gated, with the catch-all\'s action and addresses',
      code: [handshake, sniPass, rejectTcp].join('\n'),
      errors: [{ line: 3 }],
      output: [handshake, sniPass, deny('reject', 1000100), pqc(1000101), rejectTcp.replace('(', '(flowbits:isnotset,PQC; ')].join('\n'),
    },
    {
      name: 'an ungated TLS default deny counts (tls-client-hello-gate gates it in the same run)',
      code: [handshake, sniPass, 'drop tls $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; sid:1000090;)', rejectTcp].join('\n'),
      errors: [{ line: 4 }],
      output: [handshake, sniPass, 'drop tls $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; sid:1000090;)', pqc(1000100), rejectTcp.replace('(', '(flowbits:isnotset,PQC; ')].join('\n'),
    },
    {
      name: 'strict: an existing early flowbit is reused',
      code: [handshake, sniPass, tlsDeny, 'alert tls $HOME_NET any -> any any (flowbits:set,tls_flow; noalert; flow:to_server; sid:5;)', rejectTcp].join('\n'),
      errors: [{ line: 5 }],
      output: [handshake, sniPass, tlsDeny, 'alert tls $HOME_NET any -> any any (flowbits:set,tls_flow; noalert; flow:to_server; sid:5;)', rejectTcp.replace('(', '(flowbits:isnotset,tls_flow; ')].join('\n'),
    },
    {
      name: 'action order (issue 14 item 3): drop tcp established beside SNI pass rules, before them in the file',
      code: [handshake, dropEstablished, sniPass, tlsDeny].join('\n'),
      options: { ruleOrder: 'action' },
      errors: [{ line: 2, severity: 'error', message: 'under action order it runs on every packet no pass rule has passed' }],
      output: [handshake, dropEstablished.replace('(', '(app-layer-protocol:!tls; '), sniPass, tlsDeny].join('\n'),
    },
    {
      name: 'action order: the PQC flowbit pattern does not work there, said and fixed with app-layer-protocol:!tls',
      code: [
        handshake,
        sniPass,
        'reject tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:set,blocked; flow:to_server; sid:999991;)',
        'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:isnotset,blocked; flowbits:set,PQC; noalert; flow:to_server; sid:999993;)',
        'reject tcp $HOME_NET any -> any any (flowbits:isnotset,blocked; flowbits:isnotset,PQC; flow:to_server; sid:999994;)',
      ].join('\n'),
      options: { ruleOrder: 'action' },
      errors: [{ line: 5, message: 'works only in strict order: under action order this reject runs before the alert that sets PQC' }],
    },
    {
      name: 'exempted with app-layer-protocol:!tls but no TLS default deny: TLS to other SNIs is forwarded (unsafe fix adds the deny)',
      code: [handshake, sniPass, 'reject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; flow:to_server, established; sid:2;)'].join('\n'),
      unsafe: true,
      errors: [{ line: 3, severity: 'warning', message: 'TLS to any SNI that sid:53 does not pass is forwarded in full' }],
      output: [handshake, sniPass, deny('reject', 1000002, '$HOME_NET any -> any any'), 'reject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; flow:to_server, established; sid:2;)'].join('\n'),
    },
    {
      name: 'issue 14 item 8: no handshake pass and a catch-all without established rejects every SYN',
      code: [sniPass, tlsDeny, 'reject tcp $HOME_NET any -> $EXTERNAL_NET any (flow:to_server; sid:202308171;)'].join('\n'),
      errors: [
        { line: 3, severity: 'error', message: 'it rejects every SYN, so no connection is set up' },
        { line: 3, message: 'matches the first segment' },
      ],
    },
    { name: 'suricata profile run inline: warning', code: [handshake, ja4Pass, dropIp].join('\n'), options: { profile: 'suricata', inline: true }, errors: [{ line: 3, severity: 'warning', message: 'drop ip' }] },
    { name: 'pass without explicit ssl_state counts too', code: [handshake, sniPassNoState, dropEstablished].join('\n'), errors: [{ line: 3, message: 'sid:1' }] },
    {
      name: 'a flowbit set by an unrelated (non-TLS) rule is no guard',
      code: [handshake, sniPass, 'alert http any any -> any any (flowbits:set,h; noalert; sid:7;)', 'reject tcp any any -> any any (flowbits:isnotset,h; flow:to_server, established; sid:8;)'].join('\n'),
      errors: [{ line: 4 }],
    },
  ],
});

describe('tls-catch-all-after-sni-pass: the fix', () => {
  it('is safe and idempotent: fixing the fixed sample reports nothing more', () => {
    const once = fixText(strictSample, { profile: 'aws-nfw', ruleOrder: 'strict' });
    expect(once.applied.some((d) => d.ruleId === rule.meta.id)).toBe(true);
    expect(lintText(once.output, { profile: 'aws-nfw', ruleOrder: 'strict' }).filter((d) => d.ruleId === rule.meta.id)).toEqual([]);
    expect(fixText(once.output, { profile: 'aws-nfw', ruleOrder: 'strict' }).output).toBe(once.output);
  });
  it('names the PQC pattern in the hint (strict) and app-layer-protocol:!tls (action)', () => {
    const [strict] = lintText(strictSample, { profile: 'aws-nfw', ruleOrder: 'strict' }).filter((d) => d.ruleId === rule.meta.id);
    expect(strict.hint).toContain('flowbits:isnotset,PQC');
    const [action] = lintText(strictSample, { profile: 'aws-nfw', ruleOrder: 'action' }).filter((d) => d.ruleId === rule.meta.id);
    expect(action.hint).toContain('app-layer-protocol:!tls');
    expect(action.hint).toContain("an unrecognised protocol's first data segment");
  });
});

runKnownGaps(rule, [
  {
    name: 'pass gated only by ssl_state:client_hello', resolved: true,
    why: "'pass tls (ssl_state:client_hello; flow:to_server)' also waits for the complete ClientHello, so a later tcp catch-all hits the first segment exactly as after an SNI pass; only buffer-keyed pass rules are considered today",
    code: [handshake, 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)', tlsDeny, rejectTcp].join('\n'),
    errors: [{ line: 4, column: 1 }],
  },
  {
    name: 'guard flowbit set only after the ClientHello', resolved: true,
    why: "'blocked' is set by a rule gated on ssl_state:client_hello, so it is still unset on the first segment: 'flowbits:isnotset,blocked' does not exempt that segment (AWS adds the ungated PQC flowbit for exactly this reason), yet any flowbit set by a TLS rule counts as a guard today",
    code: [
      handshake,
      sniPass,
      'reject tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:set,blocked; flow:to_server; sid:2;)',
      'reject tcp $HOME_NET any -> any any (flowbits:isnotset,blocked; flow:to_server, established; sid:3;)',
    ].join('\n'),
    errors: [{ line: 4, column: 1 }],
  },
]);
