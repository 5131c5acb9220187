import rule from '../../src/rules/tls-cert-keyword-tls13.js';
import { col, runRuleTests } from '../rules/rule-tester.js';

const issuerPass = 'pass tls $EXTERNAL_NET 443 -> $HOME_NET any (tls.cert_issuer; content:"Amazon"; msg:"Pass rules do not alert"; xbits:isset, allowed_sni_destination_ips, track ip_src; sid:29822;)';
const issuerReject = 'reject tls $EXTERNAL_NET 443 -> $HOME_NET any (tls.cert_issuer; content:"="; nocase; msg:"Block all other cert issuers not allowed by sid:29822"; sid:897972;)';
const subjectAlert = 'alert tls $EXTERNAL_NET any -> $HOME_NET any (tls.cert_subject; content:"CN=example.com"; msg:"example.com certificate seen"; flow:to_client; sid:3000013; rev:1;)';
const two = 'alert tls any any -> any any (tls_cert_expired; tls.certs; content:"x"; sid:1;)';

runRuleTests(rule, {
  valid: [
    'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"x"; sid:1;)',
    'alert tls any any -> $HOME_NET any (ja3s.hash; content:"x"; flow:to_client; sid:1;)',
    'reject tls any any -> any any (ssl_version:tls1.0; sid:1;)',
    'alert http any any -> any any (content:"tls.cert_issuer"; sid:1;)',
  ],
  invalid: [
    { name: 'AWS pass on issuer: info, no fix', code: issuerPass, errors: [{ column: col(issuerPass, 'tls.cert_issuer'), severity: 'info', message: 'which TLS 1.3 encrypts' }], output: null },
    { name: 'AWS reject on issuer: info, no fix', code: issuerReject, errors: [{ column: col(issuerReject, 'tls.cert_issuer'), severity: 'info' }], output: null },
    { name: 'cert subject (suricata profile: info)', code: subjectAlert, options: { profile: 'suricata' }, errors: [{ severity: 'info', message: "'tls.cert_subject'" }] },
    { name: 'one report per rule, at the first certificate keyword', code: two, errors: [{ column: col(two, 'tls_cert_expired') }] },
    { name: 'legacy tls.issuerdn', code: 'alert tls any any -> any any (tls.issuerdn:"CN=x"; sid:1;)', errors: [{ column: 31 }] },
    { name: 'tls.fingerprint', code: 'alert tls any any -> any any (tls.fingerprint:"aa:bb"; sid:1;)', errors: [{ message: "'tls.fingerprint'" }] },
    { name: 'tls.cert_serial', code: 'alert tls any any -> any any (tls.cert_serial; content:"01"; sid:1;)', errors: [{ message: "'tls.cert_serial'" }] },
  ],
});
