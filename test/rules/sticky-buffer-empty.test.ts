import rule from '../../src/rules/sticky-buffer-empty.js';
import { col, runRuleTests } from './rule-tester.js';

// Each verdict measured on Suricata 7.0.10 (suricata -T).
const sni = 'drop tls $HOME_NET any -> any any (msg:"bad SNI"; content:"bad.example.com"; tls_sni; sid:1;)';
const line = 'alert http any any -> any any (msg:"x"; content:"GET /"; http_request_line; sid:2;)';
const end = 'alert http any any -> any any (msg:"x"; http.uri; content:"/a"; http.host; sid:3;)';
const twice = 'alert http any any -> any any (msg:"x"; http.uri; http.uri; content:"dog/"; sid:4;)';
const pkt = 'alert http any any -> any any (msg:"x"; http.uri; pkt_data; content:"a"; sid:5;)';
const flowbit = 'alert http any any -> any any (msg:"x"; http.uri; flowbits:set,x; sid:6;)';
const multi = 'alert http any any -> any any (msg:"x"; file_data; file_data; content:"b"; sid:7;)';

runRuleTests(rule, {
  valid: [
    'alert http any any -> any any (msg:"x"; http.uri; content:"a"; http.uri; sid:1;)',
    'alert http any any -> any any (msg:"x"; http.uri; content:"a"; pkt_data; content:"b"; sid:1;)',
    'alert http any any -> any any (msg:"x"; http.uri; urilen:>5; sid:1;)',
    'alert http any any -> any any (msg:"x"; urilen:<70; http.uri; http.uri; content:"dog/"; sid:1;)',
    'alert http any any -> any any (msg:"x"; http.header; content:"a"; http.header; content:"b"; sid:1;)',
    'alert tls any any -> any any (msg:"x"; tls.sni; dataset:isset,sni,type string; sid:1;)',
  ],
  invalid: [
    {
      code: sni,
      errors: [{ column: col(sni, 'tls_sni'), message: "sticky buffer 'tls_sni' comes after the content it should select" }],
      unsafe: true,
      output: 'drop tls $HOME_NET any -> any any (msg:"bad SNI"; tls_sni; content:"bad.example.com"; sid:1;)',
    },
    { code: line, errors: [{ column: col(line, 'http_request_line'), message: "didn't add matches to it" }], unsafe: true, output: 'alert http any any -> any any (msg:"x"; http_request_line; content:"GET /"; sid:2;)' },
    { code: end, errors: [{ column: col(end, 'http.host'), message: "'http.host' has no content or other match after it" }], output: null },
    { code: twice, errors: [{ column: col(twice, 'http.uri'), message: '("previous sticky buffer has no matches")' }] },
    { code: pkt, errors: [{ message: "setup buffer http.uri but didn't add matches to it" }] },
    { code: flowbit, errors: [{ message: "'http.uri' has no content or other match" }] },
    { code: multi, errors: [{ column: col(multi, 'file_data'), message: "before 'file_data'" }] },
  ],
});
