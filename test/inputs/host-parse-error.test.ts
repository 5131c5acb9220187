import { describe, expect, it } from 'vitest';
import { loadHclGrammar } from '../../src/inputs/read-host-document.js';
import { lintSource } from '../../src/linter/lint-source.js';

describe('host-parse-error', () => {
  it('reports a JSON rule group that does not parse', () => {
    const ds = lintSource('g.json', '{ "RuleGroup": { "RulesSource": { "RulesString": "alert tcp any any -> any any (sid:1;)" } ');
    expect(ds.some((d) => d.ruleId === 'host-parse-error' && d.severity === 'error')).toBe(true);
  });
  it('reports broken YAML', () => {
    const ds = lintSource('t.yaml', 'Resources:\n  X: [unclosed\n');
    expect(ds.some((d) => d.ruleId === 'host-parse-error')).toBe(true);
  });
  it('is quiet on a well-formed file', () => {
    expect(lintSource('g.json', '{ "RulesSource": { "RulesString": "alert tcp any any -> any any (msg:\\"x\\"; sid:1;)" } }').filter((d) => d.ruleId === 'host-parse-error')).toEqual([]);
  });
  it('one finding per problem: a Terraform file cut short (three unclosed blocks) is one error, not three', async () => {
    await loadHclGrammar();
    const tf = 'resource "aws_networkfirewall_rule_group" "g" {\n  rule_group {\n    rules_source {\n      rules_string = <<EOF\ndrop tcp any any -> any any (msg:"x"; sid:1;)\nEOF\n';
    const errors = lintSource('g.tf', tf).filter((d) => d.ruleId === 'host-parse-error');
    expect(errors.map((d) => d.message)).toEqual(['HCL syntax error: missing 3 "}".']);
    const one = lintSource('g.tf', `${tf}  }\n  }\n`).filter((d) => d.ruleId === 'host-parse-error');
    expect(one.map((d) => d.message)).toEqual(['HCL syntax error: missing "}".']);
  });
});
