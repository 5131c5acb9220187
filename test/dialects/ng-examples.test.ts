import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import { SECTION_11, toUpstream } from './ng-examples.js';

const OFF_CROSS_RULE = { 'fw-unreachable-app-rule': 'off', 'fw-missing-carrier': 'off', 'fw-first-hook-block': 'off' } as const;
const problems = (text: string, profile: 'aws-nfw-firewall' | 'suricata-firewall', cross = false) =>
  lintText(`${text}\n`, { profile, rules: cross ? {} : OFF_CROSS_RULE }).filter((d) => d.severity !== 'info');

describe('AWS-NEXT-GEN.md section 11 examples', () => {
  it('without carriers for their ports, the TLS and HTTP examples are reported (V1/V2 carry port 443 only)', () => {
    const group = SECTION_11.filter((e) => e.valid).map((e) => e.rule).join('\n');
    expect(problems(group, 'aws-nfw-firewall', true).map((d) => d.ruleId)).toEqual(['fw-missing-carrier', 'fw-missing-carrier']);
  });

  for (const e of SECTION_11) {
    it(`${e.id} (${e.valid ? 'valid' : 'refused'}) under aws-nfw-firewall (AWS spelling) and suricata-firewall (upstream spelling)`, () => {
      for (const [profile, rule] of [['aws-nfw-firewall', e.rule], ['suricata-firewall', toUpstream(e.rule)]] as const) {
        const ds = problems(rule, profile);
        if (e.valid) expect(ds.map((d) => `${d.ruleId}: ${d.message}`), profile).toEqual([]);
        else expect(ds.map((d) => d.ruleId).filter((id) => e.ids!.includes(id)), `${profile}: ${JSON.stringify(ds.map((d) => d.message))}`).toEqual([...e.ids!]);
      }
    });
  }

/** Carriers for the examples whose destination port is any (V1/V2 carry port 443 only). */
const CARRIERS = [
  'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET any (flow:to_server; sid:1000101;)',
  'accept:hook tcp:all $EXTERNAL_NET any -> $HOME_NET any (flow:to_client; sid:1000102;)',
];

  it('the valid examples as one rule group (with carriers for every port): no error or warning, cross-rule checks included', () => {
    const group = [...CARRIERS, ...SECTION_11.filter((e) => e.valid).map((e) => e.rule)].join('\n');
    expect(problems(group, 'aws-nfw-firewall', true).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    expect(problems(toUpstream(group), 'suricata-firewall', true).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });

  it('a .rules file of the valid examples is read with the firewall profile by content, and says so once', () => {
    const group = [...CARRIERS, ...SECTION_11.filter((e) => e.valid).map((e) => e.rule)].join('\n');
    const ds = lintText(`${group}\n`, {});
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ds.filter((d) => d.ruleId === 'fw-profile-from-content')).toHaveLength(1);
  });
});
