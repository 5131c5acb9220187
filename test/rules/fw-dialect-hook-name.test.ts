import rule from '../../src/rules/fw-dialect-hook-name.js';
import { runRuleTests } from './rule-tester.js';

const UP = { profile: 'suricata-firewall' } as const;
runRuleTests(rule, {
  valid: [
    'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:1;)',
    'accept:hook tls:client_finished any any -> any any (sid:2;)',
    'accept:hook http2:stream:request_headers any any -> any any (sid:3;)',
    { code: 'accept:flow tls:<client_hello_done any any -> any any (tls.sni; content:"a"; sid:1;)', options: UP },
  ],
  invalid: [
    {
      code: 'accept:flow tls:<client_hello_done any any -> any any (tls.sni; content:"a"; sid:1;)',
      errors: [{ column: 18, message: "aws-nfw-firewall calls it 'tls:client_hello'" }],
      output: 'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:1;)',
    },
    { code: 'accept:hook tls:client_in_progress any any -> any any (sid:2;)', errors: [{ message: "'tls:client_started'" }], output: 'accept:hook tls:client_started any any -> any any (sid:2;)' },
    { code: 'accept:hook tls:client_hello any any -> any any (sid:3;)', options: UP, errors: [{ message: "suricata-firewall calls it 'tls:client_hello_done'" }], output: 'accept:hook tls:client_hello_done any any -> any any (sid:3;)' },
    { code: 'accept:hook tls:server_cert any any -> any any (sid:4;)', options: UP, errors: [{ message: "'tls:server_cert_done'" }], output: 'accept:hook tls:server_cert_done any any -> any any (sid:4;)' },
    { name: 'AWS has not published its DNS hook names', code: 'accept:tx dns:<request_complete any any -> any any (dns.query; content:"a"; sid:5;)', errors: [{ severity: 'info', message: 'AWS has not published' }], output: null },
  ],
});
