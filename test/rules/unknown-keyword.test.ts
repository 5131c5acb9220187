import rule from '../../src/rules/unknown-keyword.js';
import { col, runRuleTests } from './rule-tester.js';

const typo = 'alert http any any -> any any (msg:"x"; http.hots; content:"example.com"; sid:1;)';
const two = 'alert tcp any any -> any any (msg:"x"; contnt:"abc"; sid:1;)';
const shape = 'alert tcp any any -> any any (msg:"x"; nocse:1; sid:1;)';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (msg:"x"; CONTENT:"a"; NoCase; sid:1;)',
    'alert tls any any -> any any (tls_sni; content:"a"; sid:1;)',
    { name: 'requires that is not met: Suricata skips the rule', code: 'alert tcp any any -> any any (requires: version >= 8; foo.bar; sid:1;)' },
    { name: 'Suricata 8 keyword under version 8', code: 'alert dns any any -> any any (dns.rcode:3; sid:1;)', options: { suricataVersion: 8 } },
  ],
  invalid: [
    {
      code: typo,
      errors: [{ line: 1, column: col(typo, 'http.hots'), message: "unknown keyword 'http.hots'" }],
      output: typo.replace('http.hots', 'http.host'),
    },
    { name: 'distance 2 is an unsafe fix', code: two.replace('contnt', 'cntnt'), errors: [{ message: "unknown keyword 'cntnt'" }], output: null },
    { code: two, errors: [{ column: col(two, 'contnt') }], output: two.replace('contnt', 'content') },
    { name: 'no fix when the value shape differs', code: shape, errors: [{ message: 'nocse' }], output: null, unsafe: true },
    { name: 'unknown word without a candidate', code: 'alert tcp any any -> any any (zzzzqqq; sid:1;)', errors: [{ column: 31 }], output: null, unsafe: true },
    { name: 'a Suricata 8 keyword under version 7', code: 'alert dns any any -> any any (dns.rcode:3; sid:1;)', errors: [{ column: 31, message: 'needs Suricata 8' }] },
    { name: 'requires that is met', code: 'alert tcp any any -> any any (requires: version >= 6; foo: bar; sid:102;)', errors: [{ column: 55 }] },
  ],
});
