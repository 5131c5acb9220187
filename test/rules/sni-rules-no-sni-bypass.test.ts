import rule from '../../src/rules/sni-rules-no-sni-bypass.js';
import { runRuleTests } from './rule-tester.js';

const deny = 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"evil.example"; startswith; endswith; flow:to_server; sid:1;)';

runRuleTests(rule, {
  valid: [
    { name: 'allow list with a TLS default deny', code: `pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"a.example"; startswith; endswith; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:2;)` },
    { name: "AWS's JA4 no-SNI reject", code: `${deny}\nreject tls $HOME_NET any -> any any (ja4.hash; content:"_"; startswith; content:!"d"; offset:3; depth:1; sid:2;)` },
    { name: 'tcp catch-all', code: `${deny}\nreject tcp $HOME_NET any -> any any (flow:to_server; sid:2;)` },
  ],
  invalid: [
    { name: 'deny list only', code: deny, errors: [{ message: 'TLS without SNI passes', severity: 'info' }] },
    { name: 'the only default deny reads the SNI too', code: `${deny}\ndrop tls $HOME_NET any -> any any (tls.sni; content:!"allowed.example"; sid:2;)`, errors: [{ line: 1 }] },
    { name: 'a catch-all that spares TLS does not count', code: `${deny}\nreject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; sid:2;)`, errors: [{ line: 1 }] },
  ],
});
