import rule from '../../src/rules/suspicious-syntax.js';
import { runRuleTests } from '../rules/rule-tester.js';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any any (sid:1;)'],
  invalid: [
    {
      name: "missing ')': Suricata 7 loads it (checked with suricata -T)",
      code: 'alert icmp any any -> any any (itype:8; sid:2;',
      errors: [{ severity: 'warning', message: "missing ')'" }],
      output: 'alert icmp any any -> any any (itype:8; sid:2;)',
    },
  ],
});
