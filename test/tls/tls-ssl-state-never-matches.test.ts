import rule from '../../src/rules/tls-ssl-state-never-matches.js';
import { col, runRuleTests } from '../rules/rule-tester.js';
import { runKnownGaps } from './known-gaps.js';

const cased = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:Client_Hello; tls.sni; content:"pastebin.com"; endswith; msg:"Paste sites"; flow:to_server; sid:2000007; rev:1;)';
const casedNeg = 'drop tls any any -> any any (ssl_state:!Server_Hello; sid:1;)';
const typo = 'drop tls any any -> any any (ssl_state:client_helo; sid:1;)';
const unknown = 'drop tls any any -> any any (ssl_state:unknown; sid:1;)';
const disjoint = 'drop tls any any -> any any (ssl_state:client_hello; ssl_state:server_hello; sid:1;)';
const excluded = 'drop tls any any -> any any (ssl_state:client_hello; ssl_state:!client_hello; sid:1;)';
const certCh = 'drop tls $EXTERNAL_NET any -> $HOME_NET any (ssl_state:client_hello; tls.cert_issuer; content:"Untrusted Test CA"; msg:"Certificate from a test CA"; flow:to_client; sid:2000006; rev:1;)';
const ja3sCh = 'alert tls any any -> any any (ssl_state:client_hello; ja3s.hash; content:"x"; sid:1;)';
const validityCh = 'alert tls any any -> any any (ssl_state:client_hello; tls_cert_expired; sid:1;)';

runRuleTests(rule, {
  valid: [
    'drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello|server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello, server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:!server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello|unknown; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello|server_hello; ssl_state:server_hello; sid:1;)',
    'drop tls any any -> any any (ssl_state:client_hello; ssl_state:!server_hello; sid:1;)',
    'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"x"; sid:1;)',
    'alert tls any any -> any any (ssl_state:server_hello; ja3s.hash; content:"x"; sid:1;)',
    'alert tls any any -> any any (ssl_state:client_hello|server_hello; tls.cert_issuer; content:"x"; sid:1;)',
    'alert tls any any -> any any (tls.cert_issuer; content:"x"; sid:1;)',
  ],
  invalid: [
    {
      name: 'wrong casing (rules-samples/deny-list.rules sid:2000007): fixed',
      code: cased,
      errors: [{ column: col(cased, 'Client_Hello'), severity: 'error', message: "'Client_Hello' is wrongly cased" }],
      output: cased.replace('Client_Hello', 'client_hello'),
    },
    { name: 'wrong casing under a negation keeps the !', code: casedNeg, errors: [{ message: 'wrongly cased' }], output: casedNeg.replace('Server_Hello', 'server_hello') },
    {
      name: 'passive (inline: false): ssl_state:client_hello never matches; removed where a ClientHello buffer already waits (replayed in test/replay)',
      code: 'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; flow:to_server; sid:1;)',
      options: { inline: false },
      errors: [{ column: 37, severity: 'warning', message: 'ssl_state:client_hello never matches when Suricata runs passively' }],
      output: 'alert tls $HOME_NET any -> any any (tls.sni; content:"example.com"; flow:to_server; sid:1;)',
    },
    {
      name: 'suricata profile (passive by default): reported, no fix when ssl_state is the only condition',
      code: 'alert tls any any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)',
      options: { profile: 'suricata' },
      errors: [{ message: 'never matches when Suricata runs passively' }],
      output: null,
    },
    { name: 'not a state: no fix', code: typo, errors: [{ column: col(typo, 'client_helo'), message: "'client_helo' is not an ssl_state value" }], output: null },
    { name: 'unknown never matches', code: unknown, errors: [{ column: col(unknown, 'ssl_state'), message: 'ssl_state:unknown never matches' }], output: null },
    { name: 'two disjoint positive lists', code: disjoint, errors: [{ column: col(disjoint, 'ssl_state', 2), message: 'require different handshake states' }], output: null },
    { name: 'client_hello and !client_hello', code: excluded, errors: [{ column: col(excluded, 'ssl_state', 2), message: 'contradict each other' }], output: null },
    {
      name: 'client_hello with a certificate keyword (rules-samples sid:2000006): display-only suggestion, never applied',
      code: certCh,
      errors: [{ column: col(certCh, 'ssl_state'), severity: 'error', message: "with 'tls.cert_issuer' never matches" }],
      output: null,
    },
    { name: 'client_hello with ja3s.hash', code: ja3sCh, errors: [{ message: "'ja3s.hash'" }], output: null },
    { name: 'client_hello with a validity keyword', code: validityCh, errors: [{ message: "'tls_cert_expired'" }], output: null },
    { name: 'suricata profile: same severity', code: unknown, options: { profile: 'suricata' }, errors: [{ severity: 'error' }] },
  ],
});

runKnownGaps(rule, [
  {
    name: 'a list of several negations is not a contradiction', resolved: true,
    why: "Suricata matches when (listed & current) ^ negated != 0: '!client_hello|!server_hello' is true whenever the state is not both at once, i.e. always, so it does not contradict ssl_state:client_hello",
    code: 'drop tls any any -> any any (ssl_state:client_hello; ssl_state:!client_hello|!server_hello; sid:1;)',
    errors: [],
  },
  {
    name: 'client_hello with tls_store still matches', resolved: true,
    why: 'tls_store is a postmatch action, not a condition (engine analysis: only a postmatch list); the rule matches at the ClientHello, it just stores no certificate, so "never matches" is wrong',
    code: 'alert tls any any -> any any (ssl_state:client_hello; tls_store; sid:1;)',
    errors: [],
  },
]);
