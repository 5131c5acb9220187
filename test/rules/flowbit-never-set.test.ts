import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/flowbit-never-set.js';
import { lintText } from '../../src/linter/linter.js';
import { collectRuleSetFacts } from '../../src/semantics/rule-set-facts.js';
import { col, runRuleTests } from './rule-tester.js';

const setter = 'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flowbits:set,allowed_sni; noalert; flow:to_server; sid:1;)';
const typo = 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:isnotset,alowed_sni; flow:to_server; sid:2;)';

runRuleTests(rule, {
  valid: [
    `${setter}\n${typo.replace('alowed_sni', 'allowed_sni')}`,
    { name: 'set after the test still counts as set', code: `${typo.replace('alowed_sni', 'allowed_sni')}\n${setter}` },
    { name: 'toggle sets', code: 'alert tcp any any -> any any (flowbits:toggle,x; sid:1;)\nalert tcp any any -> any any (flowbits:isset,x; sid:2;)' },
  ],
  invalid: [
    {
      name: 'the issue 20 typo: every TLS flow dropped',
      code: `${setter}\n${typo}`,
      errors: [{ line: 2, column: col(typo, 'alowed_sni'), message: "did you mean 'allowed_sni'", severity: 'error' }],
      output: `${setter}\n${typo.replace('alowed_sni', 'allowed_sni')}`,
      unsafe: true,
    },
    { name: 'isset of a bit nobody sets', code: 'alert tcp any any -> any any (flowbits:isset,never; sid:1;)', errors: [{ message: 'the rule never matches', severity: 'warning' }], output: null },
    { name: 'one name of an OR list', code: 'alert tcp any any -> any any (flowbits:set,a; sid:1;)\nalert tcp any any -> any any (flowbits:isset,a|b; sid:2;)', errors: [{ line: 2, message: "'b'" }] },
  ],
});

describe('flowbit-never-set across the files of a run', () => {
  it('finds the setter in another file when the run facts are given', () => {
    const facts = collectRuleSetFacts([setter, typo.replace('alowed_sni', 'allowed_sni')]);
    const ds = lintText(typo.replace('alowed_sni', 'allowed_sni'), { ruleSet: facts }).filter((d) => d.ruleId === 'flowbit-never-set');
    expect(ds).toEqual([]);
    const alone = lintText(typo.replace('alowed_sni', 'allowed_sni')).filter((d) => d.ruleId === 'flowbit-never-set');
    expect(alone).toHaveLength(1);
  });
});
