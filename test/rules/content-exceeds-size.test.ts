import rule from '../../src/rules/content-exceeds-size.js';
import { col, runRuleTests } from './rule-tester.js';

const cases: [string, string, string][] = [
  ['alert udp any any -> any any (dsize:10; content:"thisstringisgreaterthan10bytes"; sid:1;)', 'dsize', 'need at least 30 bytes, but dsize allows at most 10'],
  ['alert udp any any -> any any (dsize:50; content:"AA"; offset:100; sid:1;)', 'dsize', 'at least 102 bytes'],
  ['alert udp any any -> any any (dsize:5<>10; content:"AAAA"; offset:8; sid:1;)', 'dsize', 'at most 10'],
  ['alert udp any any -> any any (dsize:6; content:"boom"; content:"loom"; distance:2; sid:3;)', 'dsize', 'at least 10 bytes'],
  ['alert http any any -> any any (http.uri; content:"abcdefgh123456"; bsize:<13; sid:2;)', 'bsize', "contents of 'http.uri' need at least 14 bytes"],
  ['alert http any any -> any any (http.uri; content:"abc"; offset:3; depth:3; bsize:3; sid:5;)', 'bsize', 'at least 6 bytes'],
  ['alert udp any any -> any any (dsize:!4; content:"abcde"; sid:6;)', 'dsize', 'at least 5 bytes'],
  ['alert udp any any -> any any (dsize:8; content:"abcd"; content:!"xy"; distance:2; within:4; sid:7;)', 'dsize', 'at least 10 bytes'],
];

runRuleTests(rule, {
  valid: [
    'alert udp any any -> any any (dsize:>10; content:"thisstringisgreaterthan10bytes"; sid:1;)',
    'alert udp any any -> any any (dsize:10; content:"abc"; sid:1;)',
    'alert http any any -> any any (http.uri; content:"abc"; bsize:3; http.host; content:"example.com"; sid:1;)',
    // issue 13 item 7: ET Open, loaded by Suricata 7.0.10: the second content is not relative, so it is not added up.
    'alert udp any any -> any any (dsize:10; content:"|00 01|"; depth:2; content:"|00 19|"; offset:8; depth:2; sid:1;)',
    'alert udp any any -> any any (dsize:<=5; content:"abcdefgh"; sid:1;)',
    'alert http any any -> any any (http.uri; content:"abcdef"; bsize:!3; sid:1;)',
    { name: 'contents of another buffer do not count for dsize', code: 'alert http any any -> any any (dsize:2; http.uri; content:"abcdef"; sid:1;)' },
  ],
  invalid: cases.map(([code, at, message]) => ({ code, errors: [{ line: 1, column: col(code, at), message }] })),
});
