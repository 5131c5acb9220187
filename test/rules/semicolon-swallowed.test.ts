import rule from '../../src/rules/semicolon-swallowed.js';
import { col, runRuleTests } from './rule-tester.js';

// issue 13 item 3. Suricata 7.0.10 loads all the invalid cases (measured): msg becomes 'block evil" content:"evil'.
const drop = 'drop tcp $HOME_NET any -> any any (msg:"block evil" content:"evil"; sid:1;)';
const alert = 'alert tcp $HOME_NET any -> any any (msg:"block evil" content:"evil"; sid:2;)';
const pass = 'pass tcp $HOME_NET any -> any any (msg:"ok" content:"a.example"; sid:3;)';
const reference = 'drop tcp any any -> any any (msg:"x"; reference:url,example.com content:"evil"; sid:4;)';
const metadata = 'alert tcp any any -> any any (msg:"x"; metadata:created_at 2024_01_01 flow:established; sid:5;)';

runRuleTests(rule, {
  valid: [
    'drop tcp any any -> any any (msg:"flow: established, content: evil"; content:"evil"; sid:1;)',
    'alert tcp any any -> any any (msg:"x"; reference:url,http://example.com/a; sid:1;)',
    'alert tcp any any -> any any (msg:"x"; threshold:type limit, track by_src, count 1, seconds 60; sid:1;)',
    'alert tcp any any -> any any (msg:"x"; base64_decode:bytes 28, offset 0, relative; base64_data; content:"a"; sid:1;)',
    // Refused by Suricata ("Invalid Classtype"): keyword-value-invalid reports it, not this rule.
    'alert tcp any any -> any any (msg:"x"; classtype:bad-unknown content:"evil"; sid:5;)',
  ],
  invalid: [
    {
      code: drop,
      errors: [{ column: col(drop, 'content'), severity: 'error', message: "'content:' inside the value of 'msg': a missing ';'" }],
      output: 'drop tcp $HOME_NET any -> any any (msg:"block evil"; content:"evil"; sid:1;)',
    },
    { code: alert, errors: [{ severity: 'warning' }], output: 'alert tcp $HOME_NET any -> any any (msg:"block evil"; content:"evil"; sid:2;)' },
    { code: pass, errors: [{ severity: 'error', message: 'the pass rule applies to every packet' }] },
    { code: reference, errors: [{ column: col(reference, 'content'), severity: 'error' }], output: null },
    { code: reference, unsafe: true, errors: [{ severity: 'error' }], output: 'drop tcp any any -> any any (msg:"x"; reference:url,example.com; content:"evil"; sid:4;)' },
    { code: metadata, errors: [{ message: "'flow:' inside the value of 'metadata'" }] },
  ],
});
