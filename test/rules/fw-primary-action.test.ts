import rule from '../../src/rules/fw-primary-action.js';
import { runRuleTests } from './rule-tester.js';

const UP = { profile: 'suricata-firewall' } as const;
runRuleTests(rule, {
  valid: [
    'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"a.example"; sid:1;)',
    'drop:flow,alert tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:".example.net"; endswith; sid:2;)',
    'rejectboth:flow tcp:all $HOME_NET any -> $EXTERNAL_NET 23 (sid:3;)',
    { name: 'config is an upstream firewall action', code: 'config:packet dns:request_complete any any -> any any (config: logging disable, type tx, scope tx; sid:4;)', options: UP },
    { name: 'not run under the classic profile', code: 'pass tls any any -> any any (sid:5;)', options: { profile: 'aws-nfw' } },
  ],
  invalid: [
    { code: 'pass:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)', errors: [{ column: 1, message: "'pass' is only a secondary action" }], output: null },
    { code: 'alert tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2;)', errors: [{ message: "primary action 'alert'" }], output: null },
    { code: 'config:packet tcp:all any any -> any any (config: logging disable, type tx, scope tx; sid:3;)', errors: [{ message: 'does not support the \'config\' action' }], output: null },
    { code: 'drop:flow,accept tcp:all any any -> any any (sid:4;)', errors: [{ column: 11, message: "'accept' is not allowed as a secondary action" }], output: null },
    { code: 'drop:flow,pass:flow tcp:all any any -> any any (sid:5;)', errors: [{ message: "'pass' (IPS bypass) is only allowed after an 'accept'" }], output: null },
  ],
});
