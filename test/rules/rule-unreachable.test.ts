import rule from '../../src/rules/rule-unreachable.js';
import { runRuleTests } from './rule-tester.js';

const catchAll = 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)';
const sniPass = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:2;)';
const tcpDrop = 'drop tcp $HOME_NET any -> $EXTERNAL_NET any (flow: to_server, established; sid:1;)';
const tcpPass = 'pass tcp $HOME_NET any -> $EXTERNAL_NET any (flow: to_server, established; sid:11;)';

runRuleTests(rule, {
  valid: [
    { name: 'pass before the catch-all', code: `${sniPass}\n${catchAll}` },
    { name: 'narrower earlier rule (destination)', code: 'drop tcp $HOME_NET any -> 10.0.0.0/8 any (sid:1;)\npass tcp $HOME_NET any -> any any (sid:2;)' },
    { name: 'earlier rule has a condition the later lacks', code: 'drop tcp any any -> any any (flow:established; sid:1;)\npass tcp any any -> any any (flow:not_established; sid:2;)' },
    { name: 'alert decides nothing', code: 'alert ip any any -> any any (sid:1;)\npass tcp any any -> any any (sid:2;)' },
    { name: 'action order: pass is evaluated first anyway', code: `${catchAll}\n${sniPass}`, options: { ruleOrder: 'action' } },
    { name: 'variables without definitions are compared by name only', code: 'drop tcp $A any -> any any (sid:1;)\npass tcp $B any -> any any (sid:2;)' },
    { name: 'different destination ports', code: 'drop tcp any any -> any 80 (sid:1;)\npass tcp any any -> any 443 (sid:2;)' },
  ],
  invalid: [
    { name: 'pass after the catch-all drop', code: `${catchAll}\n${sniPass}`, errors: [{ line: 2, message: 'comes after the catch-all drop sid:1 (line 1)' }] },
    { name: 'AWS published strict-order example: a tcp drop before its passes', code: `${tcpDrop}\n${tcpPass}`, errors: [{ line: 2, message: 'catch-all drop sid:1' }] },
    { name: 'tcp covers tls', code: 'drop tcp $HOME_NET any -> any any (flow:established; sid:1;)\npass tls $HOME_NET any -> any any (tls.sni; content:"a.example"; startswith; endswith; sid:2;)', errors: [{ line: 2 }] },
    { name: 'CIDR containment', code: 'drop ip any any -> 10.0.0.0/8 any (sid:1;)\nreject tcp any any -> 10.1.0.0/16 22 (sid:2;)', errors: [{ line: 2, message: 'unreachable: sid:1' }] },
    {
      name: 'duplicate rule with the same conditions',
      code: `${sniPass}\n${sniPass.replace('sid:2', 'sid:3')}`,
      errors: [{ line: 2, message: 'unreachable: sid:2' }],
    },
    { name: 'bidirectional earlier rule covers both directions', code: 'pass ip 10.0.0.1 any <> any any (sid:1;)\ndrop tcp any any -> 10.0.0.1 any (sid:2;)', errors: [{ line: 2 }] },
  ],
});
