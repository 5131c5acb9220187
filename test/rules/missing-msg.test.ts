import rule from '../../src/rules/missing-msg.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any 23 (msg:"telnet"; sid:1;)'],
  invalid: [{ code: 'alert tcp any any -> any 23 (sid:1;)', errors: [{ line: 1, column: 1, severity: 'info', message: 'no msg' }] }],
});
