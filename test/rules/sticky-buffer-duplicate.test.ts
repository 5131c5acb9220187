import rule from '../../src/rules/sticky-buffer-duplicate.js';
import { col, runRuleTests } from './rule-tester.js';

// Suricata 7.0.10 loads these with "duplicate instance for http_header" (measured).
const issue = 'alert http any any -> any any (msg:"x"; http.header; content:"a"; http.header; content:"b"; sid:1;)';
const later = 'alert http any any -> any any (msg:"x"; http.uri; content:"a"; http.header; content:"b"; http.uri; content:"c"; sid:2;)';

runRuleTests(rule, {
  valid: [
    'alert http any any -> any any (msg:"x"; file.data; content:"a"; file.data; content:"b"; sid:1;)',
    'alert dns any any -> any any (msg:"x"; dns.query; content:"a"; dns.query; content:"b"; sid:1;)',
    'alert http any any -> any any (msg:"x"; urilen:<70; http.uri; content:"b"; sid:1;)',
    'alert http any any -> any any (msg:"x"; http.header; content:"a"; content:"b"; sid:1;)',
  ],
  invalid: [
    { code: issue, errors: [{ column: col(issue, 'http.header; content:"b"'), severity: 'warning', message: '("duplicate instance for http.header")' }] },
    { code: later, errors: [{ column: col(later, 'http.uri; content:"c"') }] },
  ],
});
