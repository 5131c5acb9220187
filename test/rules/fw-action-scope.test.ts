import rule from '../../src/rules/fw-action-scope.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1;)',
    'accept:packet udp:all $HOME_NET any -> any 123 (sid:2;)',
    { name: 'packet scope at a UDP app hook', code: 'accept:packet dns:request_complete any any -> any any (dns.query; content:"a"; sid:3;)', options: { profile: 'suricata-firewall' } },
    'accept:flow,pass:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"u.example.com"; sid:4;)',
    'drop:flow,alert tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"x"; sid:5;)',
  ],
  invalid: [
    { code: 'accept tcp:all $HOME_NET any -> $EXTERNAL_NET any (sid:1;)', errors: [{ column: 1, message: 'firewall rule without an action scope' }], output: null },
    { code: 'accept:hook,pass:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"e"; sid:2;)', errors: [{ column: 13, message: 'different scopes' }], output: null },
    { code: 'accept:packet tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"e"; sid:3;)', errors: [{ column: 8, message: "action scope 'packet' at a TCP application-layer hook" }], output: null },
    { code: 'drop:packet http1:request_line any any -> any any (sid:4;)', errors: [{ message: "action scope 'packet' at a TCP application-layer hook" }], output: null },
    { code: 'accept:flow tcp:pre_flow any any -> any any (sid:5;)', options: { profile: 'suricata-firewall' }, errors: [{ message: "not valid at the 'pre_flow' hook" }], output: null },
    { code: 'accept:tx,pass:tx tls:<client_hello any any -> any any (tls.sni; content:"e"; sid:6;)', errors: [{ message: 'IPS bypass' }], output: null },
  ],
});
