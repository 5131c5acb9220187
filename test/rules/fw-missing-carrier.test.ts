import rule from '../../src/rules/fw-missing-carrier.js';
import { runRuleTests } from './rule-tester.js';

const APP = 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"a"; sid:3;)';
runRuleTests(rule, {
  valid: [
    `accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1;)\naccept:hook tcp:all $EXTERNAL_NET 443 -> $HOME_NET any (flow:to_client; sid:2;)\n${APP}`,
    `accept:hook tcp:all any any -> any any (sid:1;)\n${APP}`,
    `accept:hook tcp:all $HOME_NET any <> $EXTERNAL_NET 443 (sid:1;)\n${APP}`,
    'accept:tx dns:<request_complete any any -> any any (dns.query; content:"a"; sid:1;)',
    { name: 'ACCEPT default action', code: APP, options: { firewallDefaultAction: 'ACCEPT' } },
  ],
  invalid: [
    {
      code: `${APP}\n`,
      errors: [{ column: 1, message: 'client-to-server and server-to-client' }],
      unsafe: true,
      output: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:4;)\naccept:hook tcp:all $EXTERNAL_NET 443 -> $HOME_NET any (flow:to_client; sid:5;)\n' + APP + '\n',
    },
    {
      name: 'one direction only',
      code: `accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1;)\n${APP}\n`,
      errors: [{ line: 2, message: 'server-to-client packets' }],
      unsafe: true,
      output: `accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1;)\naccept:hook tcp:all $EXTERNAL_NET 443 -> $HOME_NET any (flow:to_client; sid:4;)\n${APP}\n`,
    },
  ],
});
