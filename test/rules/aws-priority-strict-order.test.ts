import rule from '../../src/rules/aws-priority-strict-order.js';
import { col, runRuleTests } from './rule-tester.js';

const mid = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; priority:1; flow:to_server; sid:1;)';
const last = 'drop tcp any any -> any any (sid:2; priority:3;)';

runRuleTests(rule, {
  valid: [
    'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)',
    { name: 'action order allows priority', code: mid, options: { ruleOrder: 'action' } },
  ],
  invalid: [
    {
      code: mid,
      errors: [{ line: 1, column: col(mid, 'priority'), message: "'priority' is not allowed in a strict-order rule group" }],
      output: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; flow:to_server; sid:1;)',
    },
    { code: last, errors: [{ column: col(last, 'priority') }], output: 'drop tcp any any -> any any (sid:2;)' },
  ],
});
