import rule from '../../src/rules/pcre-buffer-flag-conflict.js';
import { col, runRuleTests } from './rule-tester.js';

const bad = 'alert http any any -> any any (http.method; content:"POST"; http.header; content:"a"; pcre:"/^(?:[A-F0-9]{2}){200,}$/P"; sid:1;)';

runRuleTests(rule, {
  valid: [
    'alert http any any -> any any (http.request_body; pcre:"/^[0-9]{5}$/P"; sid:3;)',
    'alert http any any -> any any (http.response_body; pcre:"/abc/Q"; sid:1;)',
    'alert http any any -> any any (content:"a"; pcre:"/abc/Ui"; sid:1;)',
    'alert http any any -> any any (http.uri; pcre:"/abc/i"; sid:1;)',
  ],
  invalid: [
    { code: bad, errors: [{ line: 1, column: col(bad, 'pcre'), message: "pcre flag '/P' selects http.request_body, but the active sticky buffer is 'http.header'" }] },
    { code: 'alert http any any -> any any (http.request_body; pcre:"/abc/M"; sid:4;)', errors: [{ column: 51, message: 'http.method' }] },
  ],
});
