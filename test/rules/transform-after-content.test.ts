import rule from '../../src/rules/transform-after-content.js';
import { col, runRuleTests } from './rule-tester.js';

const after = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:".example.com"; dotprefix; endswith; sid:1;)';
const none = 'alert tcp any any -> any any (content:"a"; dotprefix; sid:22;)';

runRuleTests(rule, {
  valid: ['pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; dotprefix; content:".example.com"; endswith; sid:1;)', 'alert http any any -> any any (http.uri; to_lowercase; strip_whitespace; content:"a"; sid:1;)'],
  invalid: [
    {
      code: after,
      errors: [{ line: 1, column: col(after, 'dotprefix'), severity: 'warning', message: "transform 'dotprefix' comes after 'content'" }],
      output: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; dotprefix; content:".example.com"; endswith; sid:1;)',
      unsafe: true,
    },
    { name: 'the move is unsafe', code: after, errors: [{}], output: null },
    { code: none, errors: [{ column: col(none, 'dotprefix'), severity: 'error', message: 'has no sticky buffer' }], output: null, unsafe: true },
    { name: 'after pkt_data', code: 'alert http any any -> any any (http.uri; pkt_data; to_lowercase; content:"a"; sid:1;)', errors: [{ column: 52, severity: 'error' }] },
  ],
});
