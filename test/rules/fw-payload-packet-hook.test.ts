import rule from '../../src/rules/fw-payload-packet-hook.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'accept:hook tcp:all any any -> any 443 (flow:to_server; dsize:>0; sid:1;)',
    'accept:hook tcp:all any any -> any 443 (app-layer-protocol:tls; sid:2;)',
    'accept:hook icmp:all any any -> any any (itype:8; icode:0; sid:3;)',
    { name: 'tcp-pkt carries raw payload upstream', code: 'accept:hook tcp-pkt:all any any -> any any (content:"x"; sid:4;)', options: { profile: 'suricata-firewall' } },
  ],
  invalid: [
    { code: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET any (content:"GET"; sid:1;)', errors: [{ column: 57, message: "'content' at the packet hook 'tcp:all'" }] },
    { code: 'drop:packet udp:all any any -> any 53 (pcre:"/x/"; sid:2;)', errors: [{ message: "'pcre'" }] },
    { code: 'accept:hook tcp:all any any -> any any (tls.sni; content:"a"; sid:3;)', errors: [{ message: "'tls.sni'" }] },
    { code: 'drop:flow tcp:all any any -> any any (byte_test:1,>,0,0; sid:4;)', errors: [{ message: "'byte_test'" }] },
  ],
});
