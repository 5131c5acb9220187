import rule from '../../src/rules/keyword-duplicate.js';
import { col, runRuleTests } from './rule-tester.js';

const msg = 'alert tcp any any -> any any (msg:"a"; msg:"b"; sid:5;)';
const threshold = 'alert http any any -> any any (threshold: type limit, track by_src, count 1, seconds 60; content:"a"; threshold: type limit, track by_src, count 1, seconds 60; sid:2;)';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (classtype:trojan-activity; classtype:bad-unknown; sid:9;)',
    'alert tcp any any -> any any (flow:to_server; flow:established; priority:1; priority:2; sid:4;)',
  ],
  invalid: [
    { code: msg, errors: [{ line: 1, column: col(msg, 'msg', 2), message: "second 'msg'" }] },
    { code: 'alert tcp any any -> any any (sid:6; sid:7;)', errors: [{ column: 38, message: "second 'sid'" }] },
    { code: threshold, errors: [{ column: col(threshold, 'threshold', 2), message: "second 'threshold'" }] },
  ],
});
