import rule from '../../src/rules/fw-profile-from-content.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'alert tls any any -> any any (tls.sni; content:"a"; sid:1;)',
    '# accept:hook tcp:all any any -> any any (sid:1;)\nalert tcp any any -> any any (sid:2;)',
    { name: 'profile chosen explicitly', code: 'accept:hook tcp:all any any -> any any (sid:1;)', options: { profile: 'aws-nfw-firewall' } },
    { name: 'host pins the classic profile', code: 'accept:hook tcp:all any any -> any any (sid:1;)', options: { profileFromContent: false } },
  ],
  invalid: [
    { code: 'alert tcp any any -> any any (sid:1;)\naccept:hook tcp:all any any -> any any (sid:2;)', errors: [{ line: 2, column: 1, severity: 'info', message: 'read with the aws-nfw-firewall profile' }], output: null },
    { code: 'drop:flow,alert tls:client_hello_done any any -> any any (tls.sni; content:"a"; sid:1;)', options: { profile: 'suricata' }, errors: [{ message: 'suricata-firewall profile' }], output: null },
  ],
});
