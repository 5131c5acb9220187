import rule from '../../src/rules/missing-rev.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    { code: 'alert tcp any any -> any 23 (msg:"telnet"; sid:1; rev:1;)', options: { rules: { 'missing-rev': 'info' } } },
  ],
  invalid: [{ name: 'when enabled', code: 'alert tcp any any -> any 23 (msg:"x"; sid:1;)', options: { rules: { 'missing-rev': 'info' } }, errors: [{ line: 1, column: 39, severity: 'info', message: 'no rev' }] }],
});
