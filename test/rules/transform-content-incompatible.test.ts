import rule from '../../src/rules/transform-content-incompatible.js';
import { col, runRuleTests } from './rule-tester.js';

const cases: [string, string][] = [
  ['alert tcp any any -> any any (file.data; strip_whitespace; content:"has extra white   space"; sid:1;)', 'contains whitespace'],
  ['alert tcp any any -> any any (file.data; strip_whitespace; content:"|53 75 0d|"; sid:5;)', 'contains whitespace'],
  ['alert http any any -> any any (file_data; compress_whitespace; content:"embrace   holistically"; sid:1;)', 'consecutive whitespace'],
  ['alert http any any -> any any (file_data; to_lowercase; content:"AT PATPOOPY"; sid:1;)', 'upper-case letters'],
  ['alert http any any -> any any (file_data; to_uppercase; content:"at patpoopy"; sid:1;)', 'lower-case letters'],
];

runRuleTests(rule, {
  valid: [
    'alert http any any -> any any (file_data; compress_whitespace; content:"embrace holistically"; sid:1;)',
    'alert http any any -> any any (http.user_agent; to_lowercase; content:"mozilla"; sid:1;)',
    'alert http any any -> any any (content:"Mixed Case"; http.user_agent; to_lowercase; content:"x"; sid:1;)',
  ],
  invalid: cases.map(([code, message]) => ({ code, errors: [{ line: 1, column: col(code, 'content'), message }] })),
});
