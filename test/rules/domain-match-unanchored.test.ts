import rule from '../../src/rules/domain-match-unanchored.js';
import { col, runRuleTests } from './rule-tester.js';

const pypi = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"pypi.org"; endswith; nocase; flow:to_server; sid:1;)';
const ru = 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:".ru"; nocase; flow:to_server; sid:2;)';
const bare = 'pass http $HOME_NET any -> any any (http.host; content:"github.com"; flow:to_server; sid:3;)';
const dns = 'pass dns $HOME_NET any -> any any (dns.query; content:"amazonaws.com"; endswith; sid:4;)';
const quic = 'drop quic $HOME_NET any -> any any (quic.sni; content:"evil.example"; sid:5;)';
const legacy = 'pass tls $HOME_NET any -> any any (tls_sni; content:"pypi.org"; endswith; sid:6;)';
const dotprefixNoDot = 'pass tls $HOME_NET any -> any any (tls.sni; dotprefix; content:"pypi.org"; endswith; sid:7;)';

runRuleTests(rule, {
  valid: [
    { name: 'exact name (AWS generated form)', code: 'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; nocase; endswith; flow:to_server, established; sid:2;)' },
    { name: 'name and subdomains (AWS generated form)', code: 'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazon.com"; nocase; endswith; sid:1;)' },
    { name: 'leading dot without dotprefix is still a label boundary', code: 'pass tls $HOME_NET any -> any any (tls.sni; content:".example.com"; endswith; sid:1;)' },
    { name: 'startswith and endswith on two contents (AWS ssm example)', code: 'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"ssm."; startswith; content:".amazonaws.com"; endswith; nocase; flow: to_server; sid:202308311;)' },
    { name: 'alert rules are not allow or deny lists', code: 'alert tls any any -> any any (tls.sni; content:"pypi.org"; sid:1;)' },
    { name: 'pcre decides the anchoring', code: 'reject tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; pcre:"/(example1\\.com|example2\\.com)$/i"; flow: to_server; sid:1457;)' },
    { name: 'not a domain (a dot test before a pcre)', code: 'reject tls $HOME_NET any -> any any (tls.sni; content:"."; pcre:"/^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$/"; sid:1;)' },
    { name: 'negated content', code: 'drop tls any any -> any any (tls.sni; content:!"example.com"; sid:1;)' },
    { name: 'bsize anchors the length', code: 'pass tls any any -> any any (tls.sni; content:"pypi.org"; endswith; bsize:8; sid:1;)' },
  ],
  invalid: [
    {
      name: 'endswith without a label boundary also matches evilpypi.org',
      code: pypi,
      errors: [{ line: 1, column: col(pypi, 'content:"pypi.org"'), message: 'also matches evilpypi.org', severity: 'warning' }],
      output: pypi.replace('content:"pypi.org";', 'content:"pypi.org"; startswith;'),
      unsafe: true,
    },
    {
      name: 'no endswith: .ru also matches docs.rust-lang.org',
      code: ru,
      errors: [{ message: 'has no endswith' }],
      output: ru.replace('content:".ru";', 'content:".ru"; endswith;'),
      unsafe: true,
    },
    { name: 'unsafe only: --fix leaves it', code: ru, errors: [{}], output: null },
    {
      name: 'http.host bare name: exact fix',
      code: bare,
      errors: [{ message: 'also matches github.com.attacker.example' }],
      output: bare.replace('content:"github.com";', 'content:"github.com"; startswith; endswith;'),
      unsafe: true,
    },
    { name: 'dns.query', code: dns, errors: [{ message: 'evilamazonaws.com' }] },
    { name: 'quic.sni', code: quic, errors: [{ message: 'quic.sni' }] },
    { name: 'legacy tls_sni', code: legacy, errors: [{ message: 'evilpypi.org' }] },
    { name: 'dotprefix does not help a pattern without its leading dot', code: dotprefixNoDot, errors: [{ message: 'evilpypi.org' }] },
  ],
});
