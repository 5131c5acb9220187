import rule from '../../src/rules/fw-accept-prior-hooks.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:1;)', 'accept:hook http1:<request_headers any any -> any any (sid:2;)', 'accept:tx http1:<request_line any any -> any any (sid:3;)'],
  invalid: [
    { code: 'drop:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)', errors: [{ column: 15, message: "with 'drop:flow'" }], output: null },
    { code: 'accept:packet dns:<request_complete any any -> any any (sid:2;)', errors: [{ message: "with 'accept:packet'" }], output: null },
    { code: 'accept:hook tcp:<all $HOME_NET any -> $EXTERNAL_NET any (sid:3;)', errors: [{ column: 17, message: 'packet hook' }], output: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET any (sid:3;)' },
  ],
});
