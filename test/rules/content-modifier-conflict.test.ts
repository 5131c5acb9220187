import rule from '../../src/rules/content-modifier-conflict.js';
import { col, runRuleTests } from './rule-tester.js';

const cases: [string, string, string][] = [
  ['alert udp any any -> any any (content:"AA"; depth:50; depth:20; sid:1;)', 'depth:20', 'repeats'],
  ['alert udp any any -> any any (content:"AA"; content:"BB"; depth:50; distance:5; sid:1;)', 'distance', 'relative to the previous match'],
  ['alert udp any any -> any any (content:"AA"; offset:10; within:5; sid:1;)', 'within', 'relative to the previous match'],
  ['alert udp any any -> any any (content:"AA"; within:3; within:3; sid:1;)', 'within:3; sid', 'repeats'],
  ['alert tcp any any -> any any (content:"a"; nocase; nocase; sid:1;)', 'nocase; sid', 'repeats'],
  ['alert tcp any any -> any any (content:"a"; startswith; depth:3; sid:1;)', 'depth', 'repeats'],
  ['alert tcp any any -> any any (content:"a"; offset:1; startswith; sid:1;)', 'startswith', "can't mix offset with startswith"],
  ['alert tcp any any -> any any (content:"first"; content:"second"; fast_pattern:only; offset:6; sid:1;)', 'offset', "'fast_pattern:only' with 'offset'"],
  ['alert tcp any any -> any any (content:"first"; content:!"second"; fast_pattern; offset:6; sid:1;)', 'offset', 'negated content'],
  ['alert tcp any any -> any any (content:"abc"; depth:2; sid:1;)', 'depth', 'shorter than the content (3 bytes)'],
  ['alert tcp any any -> any any (content:"a"; fast_pattern; content:"b"; fast_pattern; sid:1;)', 'fast_pattern; sid', 'second content'],
];

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (content:"a"; endswith; within:3; sid:1;)',
    'alert tcp any any -> any any (content:"a"; offset:1; depth:3; content:"b"; distance:0; within:3; sid:1;)',
    'alert tcp any any -> any any (content:!"a"; fast_pattern; sid:1;)',
    'alert tcp any any -> any any (content:"a"; fast_pattern:only; nocase; sid:1;)',
    'alert tcp any any -> any any (byte_extract:1,0,v; content:"a"; depth:v; sid:1;)',
  ],
  invalid: cases.map(([code, at, message]) => ({ code, errors: [{ line: 1, column: col(code, at), message }] })),
});
