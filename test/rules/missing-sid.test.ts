import rule from '../../src/rules/missing-sid.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['drop tcp any any -> any 23 (msg:"telnet"; sid:1;)', '# drop tcp any any -> any 23 (msg:"telnet";)'],
  invalid: [{ code: 'drop tcp any any -> any 23 (msg:"telnet";)', errors: [{ line: 1, column: 1, message: 'this rule has no sid' }] }, { code: '\n\nalert ip any any -> any any (msg:"x"; rev:1;)', errors: [{ line: 3, column: 1 }] }],
});
