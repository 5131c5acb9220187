import rule from '../../src/rules/fw-direction.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['accept:hook tcp:all any any <> any 80 (sid:1;)', 'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:2;)'],
  invalid: [
    {
      code: 'accept:flow tls:client_hello $HOME_NET any => $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      errors: [{ column: 44, message: "'=>'" }],
      unsafe: true,
      output: 'accept:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
    },
  ],
});
