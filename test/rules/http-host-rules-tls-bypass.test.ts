import rule from '../../src/rules/http-host-rules-tls-bypass.js';
import { runRuleTests } from './rule-tester.js';

const http = 'pass http $HOME_NET any -> any any (http.host; content:"example.com"; startswith; endswith; flow:to_server; sid:1;)';

runRuleTests(rule, {
  valid: [
    `${http}\npass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; sid:2;)`,
    { name: 'an HTTP deny list is not an allow list', code: 'drop http any any -> any any (http.host; content:"evil.example"; startswith; endswith; sid:1;)' },
  ],
  invalid: [{ code: `${http}\ndrop http $HOME_NET any -> any any (flow:to_server; sid:2;)`, errors: [{ line: 1, message: 'no TLS twin', severity: 'info' }] }],
});
