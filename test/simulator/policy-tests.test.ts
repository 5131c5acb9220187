import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixWith } from '../../src/fix/fix-loop.js';
import { lintText } from '../../src/linter/linter.js';
import { parsePolicyTestFile, runPolicyTests, simRules } from '../../src/policytest/policy-test.js';
import { simulate } from '../../src/simulator/simulate.js';

const samples = fileURLToPath(new URL('../../rules-samples/', import.meta.url));
const suite = parsePolicyTestFile(readFileSync(`${samples}egress-allowlist-strict.policy-test.yaml`, 'utf8'));
const unfixed = readFileSync(`${samples}egress-allowlist-strict.rules`, 'utf8');

describe('policy tests on the bundled sample (static simulator)', () => {
  it('reads the test file', () => {
    expect(suite.errors).toEqual([]);
    expect(suite.file!.tests.length).toBeGreaterThan(5);
  });

  it('fails on the unfixed sample, naming the deciding rule and packet', () => {
    const results = runPolicyTests(suite.file!, simRules([{ path: 'egress-allowlist-strict.rules', text: unfixed }], suite.file!.variables));
    const github = results.find((r) => r.test.name === 'GitHub, post-quantum client')!;
    expect(github.status).toBe('failed');
    expect(github.result.rule?.model.sid).toBe(1000090);
    expect(github.result.packet).toContain('first ClientHello segment');
    expect(results.find((r) => r.test.name === 'GitHub, classic client')!.status).toBe('passed');
  });

  it('passes on the sample after suricata-lint --fix', () => {
    const fixed = fixWith(unfixed, (t) => lintText(t), 'safe').output;
    expect(fixed).not.toBe(unfixed);
    const results = runPolicyTests(suite.file!, simRules([{ path: 'egress-allowlist-strict.rules', text: fixed }], suite.file!.variables));
    expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.test.name}: ${r.message}`)).toEqual([]);
  });
});

describe('simulator semantics', () => {
  const rules = (text: string) => simRules([{ path: 't.rules', text }], {});
  const tls = { protocol: 'tls' as const, source: '10.0.1.5', sourcePort: 49152, destination: '140.82.112.3', destinationPort: 443, sni: 'github.com' };

  it('policy default aws:drop_established drops the first segment of a split ClientHello (strict order)', () => {
    const r = rules('pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"github.com"; startswith; endswith; flow:to_server; sid:1;)');
    const est = simulate(r, { ...tls, client: 'pq-split' }, { ruleOrder: 'strict', defaultActions: ['aws:drop_established'] });
    expect(est.verdict).toBe('drop');
    expect(est.packet).toContain('first ClientHello segment');
    const app = simulate(r, { ...tls, client: 'pq-split' }, { ruleOrder: 'strict', defaultActions: ['aws:drop_established_app_layer_to_server'] });
    expect(app.verdict).toBe('pass');
    const other = simulate(r, { ...tls, sni: 'evil.example', client: 'pq-split' }, { ruleOrder: 'strict', defaultActions: ['aws:drop_established_app_layer_to_server'] });
    expect(other.verdict).toBe('drop');
    expect(other.packet).toContain('ClientHello complete');
  });

  it('action order: pass rules first', () => {
    const r = rules('drop tls $HOME_NET any -> any any (flow:to_server; sid:1;)\npass tls $HOME_NET any -> any any (tls.sni; content:"github.com"; startswith; endswith; sid:2;)');
    expect(simulate(r, { ...tls, client: 'classic' }, { ruleOrder: 'action' }).rule?.model.sid).toBe(2);
    expect(simulate(r, { ...tls, client: 'classic' }, { ruleOrder: 'strict' }).rule?.model.sid).toBe(1);
  });

  it('flowbits: the PQC pattern keeps the catch-all off TLS flows', () => {
    const text = [
      'pass tcp $HOME_NET any -> any any (flow:not_established, to_server; sid:1;)',
      'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"github.com"; startswith; endswith; flow:to_server; sid:2;)',
      'reject tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:set,blocked; flow:to_server; sid:3;)',
      'alert tls $HOME_NET any -> any any (flowbits:isnotset,blocked; flowbits:set,PQC; noalert; flow:to_server; sid:4;)',
      'reject tcp $HOME_NET any -> any any (flowbits:isnotset,blocked; flowbits:isnotset,PQC; flow:to_server; sid:5;)',
    ].join('\n');
    expect(simulate(rules(text), { ...tls, client: 'pq-split' }, { ruleOrder: 'strict' }).rule?.model.sid).toBe(2);
    const evil = simulate(rules(text), { ...tls, sni: 'evil.example', client: 'pq-split' }, { ruleOrder: 'strict' });
    expect([evil.verdict, evil.rule?.model.sid]).toEqual(['reject', 3]);
  });

  it('keywords it cannot evaluate make the result undetermined, with the reason', () => {
    const r = rules('drop ip $HOME_NET any -> any any (geoip:dst,RU; sid:1;)');
    const res = simulate(r, { ...tls, client: 'classic' }, { ruleOrder: 'strict' });
    expect(res.verdict).toBe('undetermined');
    expect(res.reason).toContain("'geoip'");
  });
});
