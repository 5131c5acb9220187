import rule from '../../src/rules/byte-variable-undefined.js';
import { col, runRuleTests } from './rule-tester.js';

const cases: [string, string, string][] = [
  ['alert tcp any any -> any any (content:"|00 00 00|"; byte_extract:1,4,len2,relative; byte_jump:no_var,0,relative; sid:2;)', 'byte_jump', "byte variable 'no_var'"],
  ['alert dns any any -> any any (byte_extract:1,5,rpkt_len; byte_test:no_var,=,0x01,5,bitmask 0xFF; sid:1;)', 'byte_test', "'no_var'"],
  ['alert tcp any any -> any any (byte_extract:1,5,len,relative; byte_math:bytes no_var, offset 1, oper +, rvalue 102, result r; sid:1;)', 'byte_math', "'no_var'"],
  ['alert tcp any any -> any any (content:"Alice"; depth:d; byte_extract:2,1,d; sid:1111;)', 'depth', "'d', but no earlier"],
];

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (byte_extract:1,0,v; content:"a"; depth:v; sid:35;)',
    'alert tcp any any -> any any (byte_math:bytes 1, offset 0, oper +, rvalue 1, result r; byte_test:1,=,r,0; sid:38;)',
    'alert tcp any any -> any any (content:"a"; byte_test:4,>,1000,0,relative,big; byte_jump:4,0,relative,little; isdataat:!1,relative; sid:1;)',
  ],
  invalid: cases.map(([code, at, message]) => ({ code, errors: [{ line: 1, column: col(code, at), message }] })),
});
