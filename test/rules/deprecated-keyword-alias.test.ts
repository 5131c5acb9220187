import rule from '../../src/rules/deprecated-keyword-alias.js';
import { col, runRuleTests } from './rule-tester.js';

const sni = 'pass tls any any -> any any (ssl_state:client_hello; tls_sni; content:"example.com"; sid:1;)';
const ja3 = 'alert tls any any -> any any (ja3_hash; content:"e7eca2baf4458d095b7f45da28c16c34"; sid:2;)';

const snort = 'drop tls $HOME_NET any -> any any (msg:"bad SNI"; content:"bad.example.com"; tls_sni; sid:1;)';

runRuleTests(rule, {
  valid: ['pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)', 'alert dnp3 any any -> any any (dnp3.func:1; sid:1;)'],
  invalid: [
    { code: sni, errors: [{ line: 1, column: col(sni, 'tls_sni'), message: "'tls_sni' is a legacy alias of 'tls.sni'" }], output: sni.replace('tls_sni', 'tls.sni') },
    { code: ja3, errors: [{ column: col(ja3, 'ja3_hash') }], output: ja3.replace('ja3_hash', 'ja3.hash') },
    // issue 13: a Snort-style buffer after its content stays broken when renamed, so no fix (sticky-buffer-empty moves it).
    { name: 'no rename of an empty sticky buffer', code: snort, errors: [{ column: col(snort, 'tls_sni'), message: "'tls_sni' is a legacy alias" }], output: null },
    { name: 'info under suricata', code: sni, options: { profile: 'suricata' }, errors: [{ severity: 'info' }] },
  ],
});
