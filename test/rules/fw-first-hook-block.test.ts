import rule from '../../src/rules/fw-first-hook-block.js';
import { runRuleTests } from './rule-tester.js';

const ACCEPT = 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2;)';
runRuleTests(rule, {
  valid: [
    ACCEPT,
    { name: 'no later-hook accept to pre-empt', code: 'drop:flow tls:client_started any any -> any any (sid:1;)' },
    { name: 'narrowed by a keyword valid at the hook', code: `drop:flow tls:client_started any any -> any any (ssl_version:sslv3; sid:1;)\n${ACCEPT}` },
  ],
  invalid: [
    { code: `drop:flow tls:client_started $HOME_NET any -> $EXTERNAL_NET any (sid:1;)\n${ACCEPT}`, errors: [{ line: 1, severity: 'warning', message: 'fires before the 1 later-hook accept rule of tls' }], output: null },
    { name: 'after the accepts in the file: still first (rules act per hook)', code: `${ACCEPT}\nreject:flow tls:client_started any any -> any any (sid:1;)`, errors: [{ line: 2, message: 'first tls hook' }], output: null },
  ],
});
