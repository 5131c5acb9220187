import rule from '../../src/rules/aws-rules-string-too-long.js';
import { runRuleTests } from './rule-tester.js';

const ruleLine = 'alert tcp any any -> any any (msg:"x"; sid:1;)\n';
const long = `${ruleLine}#${'x'.repeat(2_000_000)}\n`;

runRuleTests(rule, {
  valid: [ruleLine, { code: long, options: { profile: 'suricata' } }],
  invalid: [{ name: 'a 2,000,049-character rules text', code: long, errors: [{ line: 2, message: 'at most 2,000,000' }] }],
});
