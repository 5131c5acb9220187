import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/syntax/parse.js';
import { printRules } from '../../src/syntax/print.js';
import { renderTree } from '../helpers/render-tree.js';

/** One case per grammar construct; the expected trees are in __snapshots__. */
const CONSTRUCTS: Record<string, string> = {
  'minimal rule': 'alert tcp any any -> any any (sid:1;)',
  'AWS generated TLS allow rule': 'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazon.com"; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; priority:1; flow:to_server, established; sid:1; rev:1;)',
  'address groups, negation, ranges, variables, @IPSET': 'drop tcp [10.0.0.0/8,![10.1.0.0/16,$DMZ]] [1024:,!1100] <> @BETA [80,443,8000:8080] (sid:2;)',
  'unbracketed comma list': 'alert tcp 192.168.0.0/16,10.0.0.0/8 any -> any any (sid:3;)',
  'IPv6 addresses': 'alert ip [2001:db8::/32,::1] any -> fe80::/10 any (sid:4;)',
  'content: negation, hex, escapes': 'alert tcp any any -> any any (content:!"a\\;b\\"c\\\\d\\:e|0d 0a|"; sid:5;)',
  'pcre with flags': 'alert http any any -> any any (pcre:"/^(?:[0-9]{1,3}\\.){3}$/Ri"; sid:6;)',
  'flowbits, metadata, app-layer-protocol': 'alert tcp any any -> any any (flowbits:isset,a|b; metadata:geo RU, created_at 2024; app-layer-protocol:!tls; sid:7;)',
  'ssl_state list with negation and comma': 'alert tls any any -> any any (ssl_state:client_hello|!server_hello, client_keyx; sid:8;)',
  'disabled rule and comments': '# a comment\n# alert tcp any any -> any any (sid:9;)\n\n#\n',
  'indented rule': '  drop tls any any -> any any (sid:10;)',
  'continuation lines': 'alert dcerpc any any -> any any (\\\nmsg:"x";\\\nsid:11;\\\n)',
  'CRLF, BOM, no final newline': '\uFEFFalert tcp any any -> any any (sid:12;)\r\nalert tcp any any -> any any (sid:13;)',
  'CR-only line endings': 'alert tcp any any -> any any (sid:14;)\ralert tcp any any -> any any (sid:15;)\r',
  'tabs between options': 'alert tcp any any -> any any (msg:"a";\tsid:16;\t)',
  'missing space before the arrow': 'drop ip $HOME_NET any-> [10.10.0.0/16,10.11.0.0/16] any (msg:"x"; sid:17;)',
  'there is no <-': 'alert tcp any any <- any any (sid:18;)',
  'semicolon inside quotes': 'alert tcp any any -> any any (msg:"a;b"; sid:19;)',
  'unknown action': 'alerts tcp any any -> any any (sid:20;)',
  'missing final semicolon': 'alert tcp any any -> any any (msg:"x"; sid:21)',
  'missing closing paren': 'alert tcp any any -> any any (sid:22;',
  'text after the closing quote': 'alert tcp any any -> any any (content:"AA" depth:20; sid:23;)',
  'bad hex': 'alert tcp any any -> any any (content:"|22 2 22|"; content:"|l0|"; sid:24;)',
  'invalid escape in content': 'alert tcp any any -> any any (content:"a\\x"; sid:25;)',
  'stray semicolon': 'alert tcp any any -> any any (msg:"x";; sid:26;)',
  'missing destination port': 'alert tcp any any -> any (sid:27;)',
  'extra header field': 'alert tcp any any any -> any any (sid:28;)',
  'tab inside header lists': 'alert tcp\tany any -> any any (sid:29;)',
  'no space before (': 'alert tcp any any -> any any(sid:30;)',
  'Suricata 8: accept, scopes, hooks, =>': 'accept:hook tls:client_hello_done any any => any any (sid:31;)\ndrop:flow tcp any any -> any any (sid:32;)',
  'empty group': 'alert tcp [] any -> any any (sid:33;)',
  'no options at all': 'alert tcp any any -> any any',
};

describe('parseRules: one tree per construct', () => {
  for (const [name, text] of Object.entries(CONSTRUCTS)) {
    it(name, () => {
      const file = parseRules(text);
      expect(printRules(file)).toBe(text);
      expect(renderTree(file)).toMatchSnapshot();
    });
  }
});

describe('parseRules: facts the checks rely on', () => {
  it('ends an option at the first ";" not preceded by "\\", even inside quotes', () => {
    const rule = parseRules('alert tcp any any -> any any (msg:"a\\;b"; sid:1;)').statements[0];
    expect(rule.kind === 'rule' && rule.options.map((o) => o.name)).toEqual(['msg', 'sid']);
  });
  it('reports every broken rule and still parses the next one', () => {
    const file = parseRules('alert tcp any any <- any any (sid:1;)\nalert tcp any any -> any any (sid:2;)\nalerts tcp any any -> any any (sid:3;)\n');
    const rules = file.statements.filter((s) => s.kind === 'rule');
    expect(rules.map((r) => r.kind === 'rule' && r.errors.length > 0)).toEqual([true, false, true]);
  });
  it('keyword names are lower-cased (Suricata compares them case-insensitively)', () => {
    const rule = parseRules('alert tls any any -> any any (SSL_STATE:client_hello; sid:1;)').statements[0];
    expect(rule.kind === 'rule' && rule.options[0].name).toBe('ssl_state');
  });
  it('flags rules of 8192 bytes or more (DETECT_MAX_RULE_SIZE)', () => {
    const long = `alert tcp any any -> any any (msg:"${'a'.repeat(8200)}"; sid:1;)`;
    const rule = parseRules(long).statements[0];
    expect(rule.kind === 'rule' && rule.errors.map((e) => e.message).join()).toMatch(/8192/);
  });
});
