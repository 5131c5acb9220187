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
const strictSample = [handshake, sniPass, rejectTcp].join('\n');

runRuleTests(rule, {
  valid: [
    { name: 'catch-all before the pass rule (AWS published order)', code: [dropEstablished, sniPass].join('\n') },
    { name: 'action order: off', code: [sniPass, rejectTcp].join('\n'), options: { ruleOrder: 'action' } },
    { name: 'exempted with app-layer-protocol:!tls', code: [sniPass, 'reject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; flow:to_server; sid:2;)'].join('\n') },
    { name: 'names another app-layer protocol', code: [sniPass, 'reject tcp $HOME_NET any -> any 22 (app-layer-protocol:ssh; flow:to_server; sid:2;)'].join('\n') },
    { name: 'not TCP', code: [sniPass, 'drop ip $HOME_NET any -> any any (ip_proto:!TCP; ip_proto:!UDP; ip_proto:!ICMP; flow:to_server; sid:999997;)'].join('\n') },
    { name: 'handshake-only pass and to_client drop', code: [sniPass, 'pass tcp any any -> any any (flow:not_established; sid:2;)', 'drop tcp any any -> any any (flow:to_client; sid:3;)'].join('\n') },
    { name: 'alert catch-all', code: [sniPass, 'alert tcp any any -> any any (flow:to_server; sid:2;)'].join('\n') },
    { name: 'no ClientHello-keyed pass (pass on the certificate)', code: ['pass tls any 443 -> any any (tls.cert_issuer; content:"Amazon"; sid:1;)', rejectTcp].join('\n') },
    { name: 'the later blocking rule is itself a TLS rule', code: [sniPass, 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:3;)'].join('\n') },
    {
      name: 'AWS PQC flowbit pattern is not flagged',
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
      name: 'rules-samples egress allow list shape (strict): warning on the catch-all, nothing applied',
      code: strictSample,
      errors: [{ line: 3, column: 1, severity: 'warning', message: 'this reject tcp rule comes after the TLS pass rule sid:53' }],
      output: null,
    },
    { name: '--unsafe-fixes does not apply it either', code: strictSample, unsafe: true, errors: [{ line: 3 }], output: null },
    { name: 'suricata profile: warning', code: [ja4Pass, dropIp].join('\n'), options: { profile: 'suricata' }, errors: [{ line: 2, severity: 'warning', message: 'drop ip' }] },
    { name: 'pass without explicit ssl_state counts too', code: [sniPassNoState, dropEstablished].join('\n'), errors: [{ line: 2, message: 'sid:1' }] },
    {
      name: 'a flowbit set by an unrelated (non-TLS) rule is no guard',
      code: [sniPass, 'alert http any any -> any any (flowbits:set,h; noalert; sid:7;)', 'reject tcp any any -> any any (flowbits:isnotset,h; flow:to_server; sid:8;)'].join('\n'),
      errors: [{ line: 3 }],
    },
  ],
});

describe('tls-catch-all-after-sni-pass: the suggestion is display-only', () => {
  it('offers app-layer-protocol:!tls as a display-only suggestion, and the PQC pattern in the hint', () => {
    const ds = lintText(strictSample, { profile: 'aws-nfw', ruleOrder: 'strict' }).filter((d) => d.ruleId === rule.meta.id);
    expect(ds).toHaveLength(1);
    expect(ds[0].fix).toBeUndefined();
    expect(ds[0].suggestions?.map((s) => [s.applicability, s.edits.map((e) => e.text)])).toEqual([['display-only', ['app-layer-protocol:!tls; ']]]);
    expect(ds[0].hint).toContain('flowbits:isnotset,PQC');
  });
  it('fixText never applies it, in either profile or with unsafe fixes', () => {
    for (const profile of ['aws-nfw', 'suricata'] as const) {
      const r = fixText(strictSample, { profile, ruleOrder: 'strict', applicability: 'unsafe' });
      expect(r.output.split('\n')[2]).toBe(rejectTcp);
      expect(r.applied.filter((d) => d.ruleId === rule.meta.id)).toEqual([]);
      expect(r.diagnostics.some((d) => d.ruleId === rule.meta.id)).toBe(true);
    }
  });
});

runKnownGaps(rule, [
  {
    name: 'pass gated only by ssl_state:client_hello', resolved: true,
    why: "'pass tls (ssl_state:client_hello; flow:to_server)' also waits for the complete ClientHello, so a later tcp catch-all hits the first segment exactly as after an SNI pass; only buffer-keyed pass rules are considered today",
    code: ['pass tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)', rejectTcp].join('\n'),
    errors: [{ line: 2, column: 1 }],
  },
  {
    name: 'guard flowbit set only after the ClientHello', resolved: true,
    why: "'blocked' is set by a rule gated on ssl_state:client_hello, so it is still unset on the first segment: 'flowbits:isnotset,blocked' does not exempt that segment (AWS adds the ungated PQC flowbit for exactly this reason), yet any flowbit set by a TLS rule counts as a guard today",
    code: [
      sniPass,
      'reject tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:set,blocked; flow:to_server; sid:2;)',
      'reject tcp $HOME_NET any -> any any (flowbits:isnotset,blocked; flow:to_server; sid:3;)',
    ].join('\n'),
    errors: [{ line: 3, column: 1 }],
  },
]);
