import rule from '../../src/rules/suricata-8-syntax.js';
import { runRuleTests } from '../rules/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (sid:1;)',
    { code: 'drop:flow tcp any any -> any any (sid:1;)', options: { suricataVersion: 8 } },
    { name: 'requires: makes Suricata 7 skip the rule', code: 'alert http any any => any any (requires: version >= 8; sid:1;)' },
  ],
  invalid: [
    { code: 'drop:flow tcp any any -> any any (sid:1;)', errors: [{ column: 1, message: "action scope 'drop:flow' needs Suricata 8" }], output: null },
    { code: 'alert http any any => any any (sid:1;)', errors: [{ column: 20, message: "'=>' needs Suricata 8" }], output: null },
    {
      name: 'firewall syntax under a classic profile pinned by its host (a .rules file would be read with the firewall profile)',
      code: 'accept tls:client_hello_done any any -> any any (sid:1;)',
      options: { profileFromContent: false },
      errors: [{ message: "action 'accept' needs Suricata 8" }, { message: 'protocol hook' }], output: null },
  ],
});
