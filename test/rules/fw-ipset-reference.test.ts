import rule from '../../src/rules/fw-ipset-reference.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['accept:flow tls:<client_hello $BLOCKED any -> $EXTERNAL_NET any (tls.sni; content:"a"; sid:1;)', { code: 'pass tls @X any -> any any (sid:1;)', options: { profile: 'aws-nfw' } }],
  invalid: [
    {
      code: 'accept:flow tls:client_hello @BLOCKED_PL any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      errors: [{ column: 30, message: "IP set reference '@BLOCKED_PL'" }],
      unsafe: true,
      output: 'accept:flow tls:client_hello $BLOCKED_PL any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
    },
    { code: 'accept:hook tcp:all any any -> [10.0.0.0/8,@B] any (sid:2;)', errors: [{ message: '@B' }], unsafe: true, output: 'accept:hook tcp:all any any -> [10.0.0.0/8,$B] any (sid:2;)' },
  ],
});
