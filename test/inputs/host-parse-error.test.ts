import { describe, expect, it } from 'vitest';
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
});
