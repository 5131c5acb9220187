import rule from '../../src/rules/missing-msg.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any 23 (msg:"telnet"; sid:1;)',
    // Rules that never alert: a msg would never be shown.
    'pass tls $HOME_NET any -> any any (tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)',
    'PASS tcp any any -> any 22 (sid:2;)',
    { code: 'accept:hook tcp:all any any -> any any (sid:3;)', options: { suricataVersion: 8 } },
  ],
  invalid: [
    { code: 'alert tcp any any -> any 23 (sid:1;)', errors: [{ line: 1, column: 1, severity: 'info', message: 'no msg' }] },
    { name: 'drop alerts too', code: 'drop tcp any any -> any 23 (sid:1;)', errors: [{ message: 'no msg' }] },
    { name: 'reject alerts too', code: 'reject tls any any -> any any (tls.sni; content:"x"; sid:1;)', errors: [{ message: 'no msg' }] },
  ],
});
