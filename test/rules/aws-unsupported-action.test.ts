import rule from '../../src/rules/aws-unsupported-action.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'pass tcp any any -> any any (sid:1;)',
    'drop tcp any any -> any any (sid:1;)',
    'reject tcp any any -> any any (sid:1;)',
    'alert tcp any any -> any any (sid:1;)',
    { code: 'rejectboth tcp any any -> any any (sid:1;)', options: { profile: 'suricata' } },
  ],
  invalid: [
    {
      code: 'rejectboth tcp any any -> any 23 (sid:1;)',
      errors: [{ line: 1, column: 1, message: "action 'rejectboth' is not supported by AWS Network Firewall" }],
      output: 'reject tcp any any -> any 23 (sid:1;)',
      unsafe: true,
    },
    { name: 'the fix is unsafe', code: 'rejectsrc tcp any any -> any 23 (sid:1;)', errors: [{ column: 1 }], output: null },
    { code: 'config dns any any -> any any (dns.query; content:"x"; config: logging disable, type tx, scope tx; sid:1;)', errors: [{ column: 1, message: "'config'" }], output: null, unsafe: true },
  ],
});
