import rule from '../../src/rules/fw-keyword-hook.js';
import { runRuleTests } from './rule-tester.js';

const UP = { profile: 'suricata-firewall' } as const;
runRuleTests(rule, {
  valid: [
    'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; ja3.hash; content:"b"; sid:1;)',
    'accept:hook tls:client_started any any -> any any (ssl_state:client_hello; sid:2;)',
    'accept:hook http1:request_line any any -> any any (http.method; content:"GET"; http.uri; content:"/"; sid:3;)',
    'accept:tx http1:<request_headers any any -> any any (http.host; content:"a"; http.user_agent; content:"b"; sid:4;)',
    'accept:hook tls:server_cert any any -> any any (tls.cert_subject; content:"CN="; sid:5;)',
    { code: 'accept:tx dns:<request_complete any any -> any any (dns.query; content:"a"; sid:6;)', options: UP },
    { code: 'accept:flow ssh:<request_banner_done any any -> any any (ssh.software; content:"OpenSSH"; sid:7;)', options: UP },
    { code: 'accept:flow quic:<request_complete any any -> any any (quic.sni; content:"a"; sid:8;)', options: UP },
    'accept:hook tls:client_hello any any -> any any (tls.version:1.2; sid:9;)',
  ],
  invalid: [
    { code: 'accept:flow tls:client_finished any any -> any any (tls.sni; content:"example.com"; sid:1;)', errors: [{ column: 53, message: "only valid at 'tls:client_hello'" }], output: 'accept:flow tls:client_hello any any -> any any (tls.sni; content:"example.com"; sid:1;)' },
    { code: 'accept:flow http1:request_complete any any -> any any (http.host; content:"e"; sid:2;)', errors: [{ message: "only valid at 'http1:request_headers'" }], output: 'accept:flow http1:request_headers any any -> any any (http.host; content:"e"; sid:2;)' },
    {
      name: 'ssl_state:client_hello at the ClientHello hook: the Classic advice is wrong here; removing it is safe',
      code: 'accept:flow tls:client_hello any any -> any any (ssl_state:client_hello; tls.sni; content:"e"; sid:3;)',
      errors: [{ message: 'does not apply to firewall rules' }],
      output: 'accept:flow tls:client_hello any any -> any any (tls.sni; content:"e"; sid:3;)',
    },
    { code: 'accept:hook http1:request_headers any any -> any any (http.method; content:"GET"; sid:4;)', errors: [{ message: "only valid at 'http1:request_line'" }], output: 'accept:hook http1:request_line any any -> any any (http.method; content:"GET"; sid:4;)' },
    {
      name: 'keywords that need different hooks: no fix',
      code: 'accept:hook http1:request_complete any any -> any any (http.method; content:"GET"; http.host; content:"a"; sid:5;)',
      errors: [{ message: 'http.method' }, { message: 'http.host' }],
      output: null,
    },
    { code: 'accept:hook tls:client_hello any any -> any any (tls.cert_subject; content:"CN="; sid:6;)', errors: [{ message: "only valid at 'tls:client_cert'" }], output: 'accept:hook tls:client_cert any any -> any any (tls.cert_subject; content:"CN="; sid:6;)' },
    { code: 'accept:tx dns:request_started any any -> any any (dns.query; content:"a"; sid:7;)', options: UP, errors: [{ message: "only valid at 'dns:request_complete'" }], output: 'accept:tx dns:request_complete any any -> any any (dns.query; content:"a"; sid:7;)' },
    { code: 'accept:hook tls:server_hello any any -> any any (tls.sni; content:"a"; sid:8;)', options: UP, errors: [{ message: 'no data in the to_client direction' }], output: null },
  ],
});
