import rule from '../../src/rules/keyword-quotes-missing.js';
import { col, runRuleTests } from './rule-tester.js';

const msg = 'drop tcp any any -> any 23 (msg:Telnet is blocked; sid:1;)';
const xform = 'alert http any any -> any any (http.request_line; pcrexform:[a-zA-Z]+\\s+(.*)\\s+HTTP; content:"/z"; sid:1;)';

runRuleTests(rule, {
  valid: ['drop tcp any any -> any 23 (msg:"Telnet is blocked"; sid:1;)', 'alert tcp any any -> any any (msg:\\\n  "continued"; sid:1;)', 'alert tcp any any -> any any (pcre:"/a/"; sid:1;)'],
  invalid: [
    { code: msg, errors: [{ line: 1, column: col(msg, 'Telnet'), message: "the value of 'msg' must be double-quoted" }], output: 'drop tcp any any -> any 23 (msg:"Telnet is blocked"; sid:1;)' },
    { name: 'no fix when the value has a backslash', code: xform, errors: [{ column: col(xform, '[a-z') }], output: null },
  ],
});
