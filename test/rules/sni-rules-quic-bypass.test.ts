import rule from '../../src/rules/sni-rules-quic-bypass.js';
import { collectRuleSetFacts } from '../../src/semantics/rule-set-facts.js';
import { runRuleTests } from './rule-tester.js';

const allow = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:2;)';

runRuleTests(rule, {
  valid: [
    `${allow}\ndrop quic $HOME_NET any -> any any (flow:to_server; sid:3;)`,
    { name: 'udp 443 dropped', code: `${allow}\ndrop udp $HOME_NET any -> any 443 (sid:3;)` },
    { name: 'ip drop of every port', code: `${allow}\ndrop ip $HOME_NET any -> any any (ip_proto:!TCP; sid:3;)` },
    { name: 'QUIC rule in another file of the run', code: allow, options: { ruleSet: collectRuleSetFacts([allow, 'drop quic any any -> any any (sid:9;)']) } },
    { name: 'off under suricata', code: allow, options: { profile: 'suricata' } },
    'drop tls any any -> any any (sid:1;)',
  ],
  invalid: [{ code: allow, errors: [{ line: 1, column: 1, message: 'do not see QUIC', severity: 'info' }] }],
});
