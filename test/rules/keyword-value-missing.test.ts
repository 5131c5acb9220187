import rule from '../../src/rules/keyword-value-missing.js';
import { col, runRuleTests } from './rule-tester.js';

const snmp = 'alert snmp any any -> any any (msg:"SNMP test1"; snmp.version; sid:1000003;)';

runRuleTests(rule, {
  valid: ['alert snmp any any -> any any (snmp.version:2; sid:1;)', 'alert tcp any any -> any any (content:"a"; fast_pattern; sid:1;)'],
  invalid: [
    { code: snmp, errors: [{ line: 1, column: col(snmp, 'snmp.version'), message: "'snmp.version' needs a value" }] },
    { code: 'alert http any any -> any any (http.response_line; pcrexform; content:"/x"; sid:2;)', errors: [{ column: 52, message: 'pcrexform' }] },
  ],
});
