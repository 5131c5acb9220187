import rule from '../../src/rules/header-unknown-protocol.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (sid:1;)',
    'alert HTTP any any -> any any (sid:1;)',
    'alert pgsql any any -> any any (sid:1;)',
    { name: 'requires not met: skipped', code: 'alert vxlan any any -> any any (requires: version >= 10; sid:1;)' },
    { code: 'alert pop3 any any -> any any (sid:1;)', options: { suricataVersion: 8 } },
  ],
  invalid: [
    { code: 'alert template any any -> any any (msg:"TEST"; sid:1;)', errors: [{ line: 1, column: 7, message: "protocol 'template' cannot be used" }], output: null, unsafe: true },
    { code: 'alert htttp any any -> any any (sid:1;)', errors: [{ column: 7 }], output: 'alert http any any -> any any (sid:1;)', unsafe: true },
    { code: 'alert ssl any any -> any any (sid:1;)', errors: [{ column: 7, message: "cannot be used" }], output: 'alert tls any any -> any any (sid:1;)', unsafe: true },
    { code: 'alert asdf any any -> any any (requires: version >= 6; foo: bar; sid:102;)', errors: [{ column: 7 }] },
    { code: 'alert pop3 any any -> any any (sid:1;)', errors: [{ column: 7, message: 'needs Suricata 8' }] },
  ],
});
