import rule from '../../src/rules/missing-rev.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any 23 (msg:"telnet"; sid:1; rev:1;)', { name: 'off under suricata', code: 'alert tcp any any -> any 23 (sid:1;)', options: { profile: 'suricata' } }],
  invalid: [{ code: 'alert tcp any any -> any 23 (msg:"x"; sid:1;)', errors: [{ line: 1, column: 39, severity: 'info', message: 'no rev' }] }],
});
