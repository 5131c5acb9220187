import rule from '../../src/rules/sni-pass-shadowed.js';
import { runRuleTests } from './rule-tester.js';

const pass = 'pass tls $HOME_NET any -> any 443 (ssl_state:client_hello; tls.sni; content:"github.com"; startswith; endswith; flow:to_server; sid:1;)';
const drop172 = 'drop ip $HOME_NET any -> 172.20.0.0/16 any (msg:"internal"; sid:2;)';

runRuleTests(rule, {
  valid: [
    { name: 'the drop spares TLS', code: `${pass}\ndrop ip $HOME_NET any -> 172.20.0.0/16 any (app-layer-protocol:!tls; sid:2;)` },
    { name: 'no overlap on the port', code: `${pass}\ndrop tcp $HOME_NET any -> 172.20.0.0/16 22 (sid:2;)` },
    { name: 'no overlap on the address', code: 'pass tls $HOME_NET any -> 192.0.2.0/24 443 (tls.sni; content:"a.example"; startswith; endswith; sid:1;)\ndrop ip $HOME_NET any -> 172.20.0.0/16 any (sid:2;)' },
    { name: 'a wide catch-all after the pass is tls-catch-all-after-sni-pass\'s', code: `${pass}\nreject tcp $HOME_NET any -> any any (flow:to_server; sid:2;)` },
    { name: 'a block with payload conditions does not always fire', code: `${pass}\ndrop tcp $HOME_NET any -> 172.20.0.0/16 any (content:"x"; sid:2;)` },
    { name: 'PQC flowbit guard', code: `${pass}\ndrop tcp $HOME_NET any -> 172.20.0.0/16 any (flowbits:isnotset,PQC; sid:2;)` },
    { name: 'action order', code: `${pass}\n${drop172}`, options: { ruleOrder: 'action' } },
  ],
  invalid: [
    { name: 'drop on part of the pass rule\'s destinations (issue 20)', code: `${pass}\n${drop172}`, errors: [{ line: 2, message: 'connections to 172.20.0.0/16', severity: 'warning' }] },
    { name: 'the drop before the pass', code: `${drop172}\n${pass}`, errors: [{ line: 1, message: 'sid:1 (line 2)' }] },
    {
      name: 'a targeted block covering the whole pass',
      code: 'pass tls $HOME_NET any -> 172.20.0.0/16 443 (tls.sni; content:"a.example"; startswith; endswith; sid:1;)\ndrop tcp $HOME_NET any -> 172.20.0.0/16 any (sid:2;)',
      errors: [{ line: 2, message: 'for all of its traffic' }],
    },
    {
      name: 'one report per block',
      code: `${pass}\n${pass.replace('sid:1', 'sid:3').replace('github.com', 'gitlab.com')}\n${drop172}`,
      errors: [{ line: 3, message: 'sid:1' }],
    },
  ],
});
