import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/linter/lint-source.js';

const group = (type: string) =>
  JSON.stringify({ RuleGroup: { RulesSource: { RulesSourceList: { Targets: ['.example.com'], TargetTypes: ['TLS_SNI'], GeneratedRulesType: type } }, StatefulRuleOptions: { RuleOrder: 'STRICT_ORDER' } } }, null, 2);

describe('generated-rules-note', () => {
  it("says a domain list's generated TLS rules are safe for split ClientHellos", () => {
    const ds = lintSource('g.json', group('ALLOWLIST'));
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ds.find((d) => d.ruleId === 'generated-rules-note')?.message).toMatch(/ssl_state:client_hello/);
  });
  it('reports no hygiene findings on what AWS generates (priority:1 is AWS text)', () => {
    expect(lintSource('g.json', group('DENYLIST')).filter((d) => d.ruleId === 'aws-priority-strict-order')).toEqual([]);
  });
});
