import rule from '../../src/rules/indented-rule.js';
import { runRuleTests } from '../rules/rule-tester.js';

runRuleTests(rule, {
  valid: ['drop tls any any -> any any (ssl_state:client_hello; sid:1;)', '  # an indented comment'],
  invalid: [
    {
      name: 'aws-nfw: a note (AWS trims the indentation)',
      code: '  drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      errors: [{ severity: 'info', line: 1, column: 1, message: 'indented' }],
      output: 'drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      unsafe: true,
    },
    {
      name: 'suricata: an error (the loader skips the line silently)',
      code: '\tdrop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      options: { profile: 'suricata' },
      errors: [{ severity: 'error', message: 'Suricata ignores it' }],
      output: 'drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      unsafe: true,
    },
  ],
});
