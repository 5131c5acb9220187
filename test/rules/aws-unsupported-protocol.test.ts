import rule from '../../src/rules/aws-unsupported-protocol.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any any (sid:1;)', 'alert quic any any -> any any (sid:1;)', { code: 'alert sctp any any -> any any (sid:1;)', options: { profile: 'suricata' } }],
  invalid: [
    { code: 'alert sctp any any -> any any (sid:1;)', errors: [{ line: 1, column: 7, message: "protocol 'sctp' is not supported", severity: 'error' }] },
    { code: 'alert ftp-data any any -> any any (sid:1;)', errors: [{ column: 7, message: 'FTP-data' }] },
    { name: 'ike is inferred: a warning', code: 'alert ike any any -> any any (sid:1;)', errors: [{ column: 7, severity: 'warning' }] },
  ],
});
