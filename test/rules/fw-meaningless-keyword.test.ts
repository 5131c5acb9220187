import rule from '../../src/rules/fw-meaningless-keyword.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:1;)', { code: 'pass tls any any -> any any (priority:1; sid:1;)', options: { profile: 'aws-nfw-ips' } }],
  invalid: [
    { code: 'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; priority:1; sid:1;)', errors: [{ severity: 'warning', message: "'priority' in a firewall rule" }], output: 'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:1;)' },
    { code: 'accept:flow tcp:all any any -> any any (bypass; sid:2;)', errors: [{ severity: 'error', message: "'bypass'" }], output: null },
  ],
});
