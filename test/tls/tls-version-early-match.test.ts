import clientHelloGate from '../../src/rules/tls-client-hello-gate.js';
import rule from '../../src/rules/tls-version-early-match.js';
import { col, runRuleTests } from '../rules/rule-tester.js';
import { runKnownGaps } from './known-gaps.js';

const awsTls10 = 'reject tls any any -> any any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)';
const sampleTls10 = 'reject tls $HOME_NET any -> $EXTERNAL_NET any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; flow:to_server; sid:2000004; rev:1;)';
const tlsVersion = 'drop tls any any -> any any (tls.version:1.0; flow:to_server; sid:2;)';
const tcpVersion = 'drop tcp any any -> any 443 (ssl_version:sslv3; sid:3;)';
const negVersion = 'reject tls any any -> any any (ssl_state:!server_hello; ssl_version:tls1.0; sid:4;)';
const blocked = 'reject tls any any -> any any (ssl_state:!client_hello; ssl_version:tls1.0; sid:5;)';
const CH = 'ssl_state:client_hello; ';

runRuleTests(rule, {
  valid: [
    'reject tls any any -> any any (ssl_state:client_hello; msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:1;)',
    'reject tls any any -> any any (tls.sni; content:"x"; ssl_version:tls1.0; sid:1;)',
    'reject tls any any -> any any (ssl_version:tls1.0; flow:to_client; sid:1;)',
    'alert tls any any -> any any (ssl_version:tls1.0; sid:1;)',
    'drop tls any any -> any any (flow:to_server; sid:1;)',
    'alert tcp any any -> any any (content:"ssl_version"; sid:1;)',
    // Passively (IDS) nothing is blocked, and the gate would make the rule never fire (replayed).
    { name: 'suricata profile: passive by default', code: 'reject tls any any -> any any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)', options: { profile: 'suricata' } },
    { name: 'aws-nfw, inline: false', code: 'reject tls any any -> any any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)', options: { inline: false } },
    // Server-side by its header's ports: no gate.
    'reject tls $EXTERNAL_NET 443 -> $HOME_NET any (ssl_version:tls1.0; sid:1;)',
  ],
  invalid: [
    {
      name: 'AWS example: error with a safe fix (issue 14 item 1; replayed in test/replay)',
      code: awsTls10,
      errors: [{ line: 1, column: col(awsTls10, 'ssl_version'), severity: 'error', message: "'ssl_version:tls1.0,tls1.1' matches the record-layer version (TLS 1.0) of the first segment of a split ClientHello" }],
      output: awsTls10.replace('(', `(${CH}`),
    },
    { name: 'reject: says it resets the connection', code: awsTls10, errors: [{ message: 'reject resets the connection' }] },
    { name: 'rules-samples deny list (to_server)', code: sampleTls10, errors: [{ message: 'this reject rule fires on every post-quantum client' }], output: sampleTls10.replace('(', `(${CH}`) },
    { name: 'suricata profile run inline: error too', code: awsTls10, options: { profile: 'suricata', inline: true }, errors: [{ severity: 'error' }] },
    { name: 'tls.version', code: tlsVersion, errors: [{ column: col(tlsVersion, 'tls.version'), message: "'tls.version:1.0'", severity: 'error' }], output: tlsVersion.replace('(', `(${CH}`) },
    { name: 'a version list that cannot match TLS 1.0 (sslv3): warning', code: tcpVersion, errors: [{ column: col(tcpVersion, 'ssl_version'), severity: 'warning', message: 'not the version the ClientHello offers' }], output: tcpVersion.replace('(', `(${CH}`) },
    { name: 'a negated list (!tls1.2) matches the record-layer TLS 1.0: error', code: 'drop tls any any -> any any (ssl_version:!tls1.2; flow:to_server; sid:6;)', errors: [{ severity: 'error', message: 'drop drops the rest of the flow' }] },
    { name: 'negation-only ssl_state merged', code: negVersion, errors: [{}], output: negVersion.replace('!server_hello', 'client_hello') },
    { name: 'ssl_state:!client_hello: no fix even with --unsafe-fixes', code: blocked, unsafe: true, errors: [{ column: col(blocked, 'ssl_version') }], output: null },
  ],
});

runKnownGaps(clientHelloGate, [
  {
    name: 'pass rule on ssl_version without a gate', resolved: true,
    why: "the record-layer version of a split ClientHello's first segment is TLS 1.0, so 'pass ... ssl_version:tls1.0' passes the whole flow before the SNI is known; tls-client-hello-gate hands every ssl_version rule to tls-version-early-match, which only checks blocking rules, so nothing reports it",
    code: 'pass tls any any -> any any (ssl_version:tls1.0; flow:to_server; sid:1;)',
    errors: [{ column: 1, severity: 'warning' }],
  },
]);
