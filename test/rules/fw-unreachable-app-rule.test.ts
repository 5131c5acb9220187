import rule from '../../src/rules/fw-unreachable-app-rule.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"a"; sid:1;)',
    'accept:hook tls:client_started any any -> any any (sid:1;)\naccept:flow tls:client_hello any any -> any any (tls.sni; content:"a"; sid:2;)',
    { name: 'an explicit accept at the earlier hook may come later in the file (rules act per hook)', code: 'drop:flow,alert tls:client_hello any any -> any any (tls.sni; content:".example.net"; endswith; sid:5;)\naccept:hook tls:client_started any any -> any any (sid:4;)' },
    { name: 'a < rule accepts the earlier hooks', code: 'accept:flow tls:<client_hello any any -> any any (tls.sni; content:"a"; sid:3;)\ndrop:flow,alert tls:client_hello any any -> any any (tls.sni; content:".example.net"; endswith; sid:5;)' },
    { name: 'ACCEPT default action', code: 'accept:flow tls:client_hello any any -> any any (tls.sni; content:"a"; sid:1;)', options: { firewallDefaultAction: 'ACCEPT' } },
    'accept:hook http1:request_started any any -> any any (sid:1;)\naccept:hook http1:request_line any any -> any any (http.method; content:"GET"; sid:2;)',
  ],
  invalid: [
    {
      code: 'accept:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)',
      errors: [{ column: 1, message: 'never reached: the connection must first pass tls:client_started' }],
      unsafe: true,
      output: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)',
    },
    { code: 'drop:flow,alert tls:client_hello any any -> any any (tls.sni; content:".example.net"; endswith; sid:5;)', errors: [{ severity: 'warning', message: 'this drop rule never fires' }], output: null },
    {
      code: 'accept:hook http1:request_started any any -> any any (sid:1;)\naccept:tx http1:request_headers any any -> any any (http.host; content:"a"; sid:2;)',
      errors: [{ line: 2, message: 'http1:request_line' }],
      unsafe: true,
      output: 'accept:hook http1:request_started any any -> any any (sid:1;)\naccept:tx http1:<request_headers any any -> any any (http.host; content:"a"; sid:2;)',
    },
  ],
});
