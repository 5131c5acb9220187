import rule from '../../src/rules/aws-duplicate-sid.js';
import { col, runRuleTests } from './rule-tester.js';

const dup = 'alert tcp any any -> any 23 (msg:"a"; sid:1;)\nalert tcp any any -> any 21 (msg:"b"; sid:1;)';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any 23 (msg:"a"; sid:1;)\nalert tcp any any -> any 21 (msg:"b"; sid:2;)',
    { name: 'a different gid is a different rule', code: 'alert tcp any any -> any 23 (sid:1;)\nalert tcp any any -> any 21 (gid:2; sid:1;)' },
    { name: 'commented-out rules do not count', code: 'alert tcp any any -> any 23 (sid:1;)\n# alert tcp any any -> any 21 (sid:1;)' },
    { code: dup, options: { profile: 'suricata' } },
  ],
  invalid: [{ code: dup, errors: [{ line: 2, column: col(dup.split('\n')[1], 'sid'), message: 'sid 1 is already used on line 1' }] }],
});
