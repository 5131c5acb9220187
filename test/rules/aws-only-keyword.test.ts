import rule from '../../src/rules/aws-only-keyword.js';
import { col, runRuleTests } from './rule-tester.js';

const code = 'reject tls $HOME_NET any -> any any (msg:"C2"; aws_domain_category:Command and Control; flow:to_server; sid:1;)';

runRuleTests(rule, {
  valid: [{ name: 'fine on AWS', code, options: { profile: 'aws-nfw' } }, 'alert tls any any -> any any (tls.sni; content:"a"; sid:1;)'],
  invalid: [
    { code, errors: [{ line: 1, column: col(code, 'aws_domain_category'), message: 'is an AWS Network Firewall keyword', severity: 'error' }] },
    { code: 'alert http any any -> any any (aws_url_category:Gambling; sid:2;)', errors: [{ column: 32 }] },
  ],
});
