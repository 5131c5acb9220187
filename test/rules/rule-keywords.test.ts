import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';
import { canonicalOf, keywordOf, ruleKeywords } from '../../src/rules/utils/rule-options.js';
import { RuleFacts } from '../../src/linter/rule-facts.js';
import { forEachHeaderValue, headerValues, type HeaderField } from '../../src/rules/utils/header-values.js';

function rules(text: string): RuleStatement[] {
  return parseRules(text).statements.filter((s): s is RuleStatement => s.kind === 'rule');
}

const TEXT = [
  'alert tls [10.0.0.0/8,![1.1.1.1,2.2.2.2]] any -> $EXTERNAL_NET [443,8443] (msg:"x"; TLS_SNI; content:"a"; Nocase; bogus_kw; sid:1;)',
  'drop http any any -> any any (http.host; content:"b"; file_data; sid:2;)',
].join('\n');

describe('ruleKeywords', () => {
  it('matches keywordOf and canonicalOf option by option, for each rule in turn', () => {
    for (const rule of rules(TEXT)) {
      const { infos, names } = ruleKeywords(rule);
      expect(infos).toEqual(rule.options.map((o) => keywordOf(o)));
      expect(names).toEqual(rule.options.map((o) => canonicalOf(o)));
      // Computed once per statement by its facts (no module-level memo).
      const facts = new RuleFacts(rule);
      expect(facts.keywords).toBe(facts.keywords);
      expect(facts.keywords).toEqual({ infos, names });
    }
    const [first] = rules(TEXT);
    expect(ruleKeywords(first).names).toEqual(['msg', 'tls.sni', 'content', 'nocase', 'bogus_kw', 'sid']);
    expect(ruleKeywords(first).infos[4]).toBeUndefined();
  });
});

describe('forEachHeaderValue', () => {
  it('visits the values headerValues lists, in the same order', () => {
    const [rule] = rules(TEXT);
    const fields: HeaderField[] = ['source', 'sourcePort', 'destination', 'destinationPort'];
    const seen: string[] = [];
    forEachHeaderValue(rule.header, fields, (field, value, out: string[]) => out.push(`${field}=${value.value.text}`), seen);
    expect(seen).toEqual(headerValues(rule.header, fields).map(({ field, value }) => `${field}=${value.value.text}`));
    expect(seen).toEqual(['source=10.0.0.0/8', 'source=1.1.1.1', 'source=2.2.2.2', 'sourcePort=any', 'destination=$EXTERNAL_NET', 'destinationPort=443', 'destinationPort=8443']);
  });
});
