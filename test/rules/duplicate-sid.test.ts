import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/duplicate-sid.js';
import { findDuplicateSids } from '../../src/rules/utils/find-duplicate-sids.js';
import { col, runRuleTests } from './rule-tester.js';

const same = 'alert tcp any any -> any 23 (msg:"a"; sid:1000;)\nalert tcp any any -> any 21 (msg:"b"; sid:1000;)';
const newer = 'alert tcp any any -> any 23 (sid:20; rev:1;)\nalert tcp any any -> any 21 (sid:20; rev:2;)';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any 23 (sid:1;)\nalert tcp any any -> any 21 (sid:2;)',
    { name: 'requires may skip the rule', code: 'alert tcp any any -> any 23 (sid:1;)\nalert tcp any any -> any 21 (requires: version >= 8; sid:1; rev:2;)' },
    { name: 'off under aws-nfw (aws-duplicate-sid covers groups)', code: same, options: { profile: 'aws-nfw' } },
  ],
  invalid: [
    { code: same, errors: [{ line: 2, column: col(same.split('\n')[1], 'sid'), message: 'Duplicate signature' }] },
    { code: newer, errors: [{ line: 2, message: 'silently drops the earlier rule' }] },
  ],
});

describe('findDuplicateSids (across files)', () => {
  const a = { path: 'a.rules', text: 'alert tcp any any -> any 23 (sid:1;)\nalert tcp any any -> any 24 (sid:2;)\n' };
  const b = { path: 'b.rules', text: 'alert tcp any any -> any 25 (sid:3;)\nalert tcp any any -> any 26 (sid:2;)\n' };

  it('reports a sid used in an earlier file, once, at the later rule', () => {
    const found = findDuplicateSids([a, b], { profile: 'suricata' });
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe('b.rules');
    expect(found[0].diagnostic.ruleId).toBe('duplicate-sid');
    expect(found[0].diagnostic.message).toContain('a.rules:2');
    expect(b.text.slice(found[0].diagnostic.range.start, found[0].diagnostic.range.end)).toBe('sid:2;');
  });

  it('leaves duplicates within one file to the lint rule', () => {
    expect(findDuplicateSids([a, { path: 'c.rules', text: 'alert tcp any any -> any 1 (sid:9;)\nalert tcp any any -> any 2 (sid:9;)\n' }], { profile: 'suricata' })).toEqual([]);
  });

  it('is off under aws-nfw unless configured', () => {
    expect(findDuplicateSids([a, b])).toEqual([]);
    expect(findDuplicateSids([a, b], { rules: { 'duplicate-sid': 'warning' } })[0].diagnostic.severity).toBe('warning');
  });
});
