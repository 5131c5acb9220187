import rule from '../../src/rules/fw-missing-hook.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"e"; sid:1;)', 'accept:hook tcp:all any any -> any any (sid:2;)'],
  invalid: [
    {
      code: 'accept:flow tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000008;)',
      errors: [{ column: 13, message: 'firewall rule without a hook' }],
      unsafe: true,
      output: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2000008;)',
    },
    {
      name: 'upstream names under suricata-firewall',
      code: 'accept:tx http1 any any -> any any (http.host; content:"a"; sid:1;)',
      options: { profile: 'suricata-firewall' },
      errors: [{ message: 'without a hook' }],
      unsafe: true,
      output: 'accept:tx http1:<request_headers any any -> any any (http.host; content:"a"; sid:1;)',
    },
    { code: 'drop:packet tcp any any -> any 23 (sid:3;)', errors: [{ message: 'without a hook' }], unsafe: true, output: 'drop:packet tcp:all any any -> any 23 (sid:3;)' },
    { name: 'no keyword to go by: no fix', code: 'accept:flow tls any any -> any any (sid:4;)', errors: [{ message: 'without a hook' }], unsafe: true, output: null },
  ],
});
