import rule from '../../src/rules/tls-ssl-state-explicit.js';
import { col, runRuleTests } from '../rules/rule-tester.js';
import { runKnownGaps } from './known-gaps.js';

const CH = 'ssl_state:client_hello; ';
const gated = (code: string): string => code.replace('(', `(${CH}`);

const passSni = 'pass tls $HOME_NET any -> any any (tls.sni; content:"ssm."; startswith; nocase; content:".amazonaws.com"; endswith; nocase; flow:to_server; sid:202501048;)';
const passAlias = 'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls_sni; content:"github.com"; startswith; nocase; endswith; flow:to_server, established; sid:1000013; rev:1;)';
const rejectSni = 'reject tls $HOME_NET any -> any any (tls.sni; content:"."; pcre:"/^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$/"; msg:"TLS direct to IP"; flow:to_server; sid:202501027;)';
const rejectJa4 = 'reject tls $HOME_NET any -> any any (ja4.hash; content:"_"; startswith; content:!"d"; offset:3; depth:1; msg:"JA4 No SNI Reject"; sid:1297713;)';
const alertJa3 = 'alert tls $HOME_NET any -> any any (ja3.hash; content:!"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; noalert; flow:to_server; sid:202501024;)';
const passJa3NoFlow = 'pass tls $HOME_NET any -> $EXTERNAL_NET any (msg:"Only allow Curl 7.79.1 JA3"; ja3.hash; content:"27e9c7cc45ae47dc50f51400db8a4099"; sid:12820009;)';
const tcpSni = 'drop tcp $HOME_NET any -> any 443 (flow:to_server; tls.sni; content:"evil.example"; sid:3;)';
const ipJa3 = 'drop ip any any -> any any (ja3.string; content:"771,"; sid:4;)';
const negMerged = 'drop tls any any -> any any (ssl_state:!server_hello; tls.sni; content:"x"; sid:5;)';
const randomToServer = 'alert tls any any -> any any (flow:established,to_server; tls.random_time; content:"|94 2d 1f ef|"; sid:6;)';

runRuleTests(rule, {
  valid: [
    { name: 'aws-nfw, inline: false: never asks for the gate (it would never fire passively)', code: 'pass tls $HOME_NET any -> any any (tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)', options: { inline: false } },
    'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazon.com"; nocase; endswith; flow:to_server, established; sid:1; rev:1;)',
    'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"ssm."; ssl_state:client_hello; startswith; flow:to_server; sid:1;)',
    'reject tls any any -> any any (msg:"Default Egress HTTPS Reject"; ssl_state:client_hello; ja4.hash; content:"_"; flowbits:set,blocked; flow:to_server; sid:999991;)',
    'pass tls any any -> any any (ssl_state:client_hello|server_hello; tls.sni; content:"x"; sid:1;)',
    'pass tls any any -> any any (ssl_state:server_hello; tls.sni; content:"x"; sid:1;)',
    // Nothing keyed on the ClientHello.
    'drop tls any any -> any any (flow:to_server; sid:1;)',
    'reject tls $EXTERNAL_NET 443 -> $HOME_NET any (tls.cert_issuer; content:"="; nocase; sid:897972;)',
    'alert tls any any -> $HOME_NET any (ja3s.hash; content:!"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; noalert; flow:to_client; sid:202501025;)',
    // Exclusions: server side, to_client, ssl_state excluding client_hello.
    'alert tls any any -> any any (tls.sni; content:"x"; ja3s.hash; content:"y"; sid:1;)',
    'alert tls any any -> any any (tls.sni; content:"x"; tls.cert_subject; content:"y"; sid:1;)',
    'alert tls any any -> any any (tls.random; content:"x"; flow:to_client; sid:1;)',
    'alert tls any any -> any any (ssl_state:!client_hello; tls.sni; content:"x"; sid:1;)',
    'alert http any any -> any any (http.host; content:"x"; sid:1;)',
    // Opt-in: off by default in both profiles (correct rule sets carry thousands of such rules).
    { name: 'aws-nfw profile: off by default', code: passSni, options: { profile: 'aws-nfw', rules: {} } },
    { name: 'suricata profile: off by default', code: passSni, options: { profile: 'suricata', rules: {} } },
    // Never on alert rules, even turned on: an alert lets nothing through.
    { name: 'alert on JA3: never', code: alertJa3 },
    { name: 'alert on tls.random_time: never', code: randomToServer },
    { name: 'alert on tls.sni, turned on as error: never', code: 'alert tls any any -> any any (tls.sni; content:"x"; flow:to_server; sid:1;)', options: { rules: { 'tls-ssl-state-explicit': 'error' } } },
  ],
  invalid: [
    { name: 'AWS best-practice SNI pass', code: passSni, errors: [{ line: 1, column: col(passSni, 'tls.sni'), severity: 'warning', message: "'tls.sni' makes this rule wait for the ClientHello" }], output: gated(passSni) },
    { name: 'alias tls_sni', code: passAlias, errors: [{ column: col(passAlias, 'tls_sni'), message: "'tls_sni'" }], output: gated(passAlias) },
    { name: 'reject on SNI', code: rejectSni, errors: [{ column: col(rejectSni, 'tls.sni'), severity: 'warning' }], output: gated(rejectSni) },
    { name: 'reject on JA4', code: rejectJa4, errors: [{ column: col(rejectJa4, 'ja4.hash'), message: "'ja4.hash'" }], output: gated(rejectJa4) },
    { name: 'pass on JA3 without flow keyword', code: passJa3NoFlow, errors: [{ column: col(passJa3NoFlow, 'ja3.hash'), severity: 'warning' }], output: gated(passJa3NoFlow) },
    { name: 'tcp rule with tls.sni', code: tcpSni, errors: [{ column: col(tcpSni, 'tls.sni') }], output: gated(tcpSni) },
    { name: 'ip rule with ja3.string', code: ipJa3, errors: [{ column: col(ipJa3, 'ja3.string') }], output: gated(ipJa3) },
    { name: 'negation-only ssl_state is merged', code: negMerged, errors: [{ column: col(negMerged, 'tls.sni') }], output: negMerged.replace('!server_hello', 'client_hello') },
    { name: 'to_server tls.random_time on a drop', code: randomToServer.replace('alert', 'drop'), errors: [{ column: col(randomToServer, 'tls.random_time') - 1 }], output: gated(randomToServer.replace('alert', 'drop')) },
    {
      name: 'aws-nfw profile with the rule turned on',
      code: passSni,
      options: { profile: 'aws-nfw', rules: { 'tls-ssl-state-explicit': 'warning' } },
      errors: [{ severity: 'warning' }],
      output: gated(passSni),
    },
  ],
});

runKnownGaps(rule, [
  {
    name: 'tls.random without a direction',
    why: "without flow:to_server the rule also inspects the ServerHello random (engine analysis: tls.random engines toserver AND toclient); ssl_state:client_hello drops the to_client half, so the 'safe' fix changes what the rule matches and should not be offered as safe",
    code: 'drop tls any any -> any any (tls.random; content:"|00 01|"; sid:1;)',
    options: { rules: { 'tls-ssl-state-explicit': 'warning' } },
    errors: [{ column: 30 }],
    output: null,
  },
]);
