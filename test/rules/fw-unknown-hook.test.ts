import rule from '../../src/rules/fw-unknown-hook.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'accept:hook tls:client_started any any -> any any (sid:1;)',
    'accept:hook http1:request_line any any -> any any (sid:2;)',
    { name: 'other-dialect names are fw-dialect-hook-name', code: 'accept:hook tls:client_hello_done any any -> any any (sid:3;)' },
    'accept:hook icmp:flow_start any any -> any any (sid:4;)',
  ],
  invalid: [
    { code: 'accept:hook tls:client_hell any any -> any any (sid:1;)', errors: [{ column: 17, message: "'tls' has no hook 'client_hell'" }], unsafe: true, output: 'accept:hook tls:client_hello any any -> any any (sid:1;)' },
    { code: 'accept:hook http:request_line any any -> any any (sid:2;)', errors: [{ message: "'http' takes no hook" }], output: null },
    { code: 'accept:hook tcp:established any any -> any any (sid:3;)', errors: [{ message: "'tcp' has no hook 'established'" }], output: null },
    { name: 'hook names are case-sensitive', code: 'accept:hook tls:Client_Hello any any -> any any (sid:4;)', errors: [{ message: 'no hook' }], unsafe: true, output: 'accept:hook tls:client_hello any any -> any any (sid:4;)' },
    { name: 'http2 substates are not in Suricata 8.0', code: 'accept:hook http2:stream:request_headers any any -> any any (sid:5;)', options: { profile: 'suricata-firewall' }, errors: [{ message: 'no hook' }], output: null },
  ],
});
