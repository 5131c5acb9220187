import rule from '../../src/rules/app-layer-keyword-conflict.js';
import { col, runRuleTests } from './rule-tester.js';

const cases: [string, string, string][] = [
  ['alert http any any -> any any (tls.sni; content:"a"; sid:23;)', 'tls.sni', "the rule protocol 'http' already makes this a http/http1/http2 rule"],
  ['alert tcp any any -> any any (http.uri; content:"a"; tls.sni; content:"b"; sid:24;)', 'tls.sni', "'http.uri' already makes this"],
  ['alert quic any any -> any any (tls.sni; content:"a"; sid:26;)', 'tls.sni', 'quic'],
  ['alert dns any any -> any any (dce_stub_data; content:"0"; sid:1;)', 'dce_stub_data', 'dcerpc/smb'],
  ['alert smb any any -> any any (ja4.hash; content:"q"; sid:1;)', 'ja4.hash', 'tls/quic'],
  ['alert tcp-pkt any any -> any any (tls.sni; content:"a"; sid:31;)', 'tls.sni', 'only see packets'],
];

runRuleTests(rule, {
  valid: [
    'alert http2 any any -> any any (http.uri; content:"a"; sid:25;)',
    'alert smb any any -> any any (dce_stub_data; content:"a"; sid:28;)',
    'alert udp any any -> any any (dns.query; content:"a"; sid:32;)',
    'alert quic any any -> any any (ja3.hash; content:"e7eca2baf4458d095b7f45da28c16c34"; sid:27;)',
    'alert tls any any -> any any (tls.sni; content:"a"; ja3.hash; content:"e7eca2baf4458d095b7f45da28c16c34"; sid:1;)',
    'alert tcp any any -> any any (app-layer-protocol:http; tls.sni; content:"a"; sid:33;)',
  ],
  invalid: cases.map(([code, at, message]) => ({ code, errors: [{ line: 1, column: col(code, at), message }] })),
});
