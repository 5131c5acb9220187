import rule from '../../src/rules/flowbit-set-after-check.js';
import { collectRuleSetFacts } from '../../src/semantics/rule-set-facts.js';
import { runRuleTests } from './rule-tester.js';

const check = 'reject tcp $HOME_NET any -> any any (flowbits:isnotset,PQC; flow:to_server; sid:2;)';
const set = 'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:set,PQC; noalert; flow:to_server; sid:1;)';

runRuleTests(rule, {
  valid: [
    { name: "AWS's PQC pattern: set above the test", code: `${set}\n${check}` },
    { name: 'action order', code: `${check}\n${set}`, options: { ruleOrder: 'action' } },
    { name: 'also set in another file of the run', code: `${check}\n${set}`, options: { ruleSet: collectRuleSetFacts([`${check}\n${set}`, set]) } },
    { name: 'never set: flowbit-never-set speaks', code: check },
  ],
  invalid: [{ code: `${check}\n${set}`, errors: [{ line: 1, message: "above every rule that sets it (first on line 2)", severity: 'warning' }] }],
});
