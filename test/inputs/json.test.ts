import { describe, expect, it } from 'vitest';
import { readHostDocument } from '../../src/inputs/read-host-document.js';
import { fixture, hostPositionOf, insertAfterParen, pos, sourceLabelled } from './helpers.js';

const DESCRIBE = fixture('describe-rule-group.json');
const CFN = fixture('cloudformation.json');
const CFN_CRLF = fixture('cloudformation-crlf.json');
const EGRESS = 'Resources.EgressRules.Properties.RuleGroup.RulesSource.RulesString';

describe('json: describe-rule-group output', () => {
  const doc = readHostDocument('describe-rule-group.json', DESCRIBE);
  const src = sourceLabelled(doc, 'RuleGroup.RulesSource.RulesString');

  it('decodes \\" \\\\ \\/ \\t \\n and \\u escapes', () => {
    expect(doc.format).toBe('aws-rule-group-json');
    expect(doc.findings).toEqual([]);
    expect(src.text).toBe(
      'pass tls $HOME_NET any -> $EXTERNAL_NET $TLS_PORTS (tls.sni; content:"example.com"; startswith; nocase; endswith; msg:"say \\"hi\\""; sid:1;)\n' +
        'drop tls @BETA any -> any any (content:"C:\\\\Windows/x"; msg:"caf\u00e9";\tsid:2;)\n',
    );
    expect(src.text).toBe(JSON.parse(DESCRIBE).RuleGroup.RulesSource.RulesString);
  });

  it('reads the context', () => {
    expect(src.context).toEqual({
      ruleOrder: 'strict',
      variables: new Set(['HOME_NET', 'TLS_PORTS']),
      ipSetReferences: new Set(['BETA']),
      groupName: 'egress',
    });
    expect(doc.findings.some((f) => f.ruleId === 'aws-rule-order-missing')).toBe(false);
  });

  it('maps rules and options to host line/column across escapes (hand-counted)', () => {
    expect(hostPositionOf(src, DESCRIBE, 'pass tls')).toEqual(pos(18, 29));
    expect(hostPositionOf(src, DESCRIBE, 'msg:"say')).toEqual(pos(18, 145));
    expect(hostPositionOf(src, DESCRIBE, 'drop tls @BETA')).toEqual(pos(18, 178));
    expect(hostPositionOf(src, DESCRIBE, 'msg:"caf')).toEqual(pos(18, 239));
    expect(hostPositionOf(src, DESCRIBE, 'sid:2')).toEqual(pos(18, 259));
    // one decoded '"' inside msg comes from the two host chars '\"'; the '\\' and '"' of '\\\"' from two escapes
    const q = src.text.indexOf('\\"hi');
    expect([q, q + 1, q + 2].map((o) => src.toHostOffset(o) - src.toHostOffset(q))).toEqual([0, 2, 4]);
    expect(src.toHostOffset(src.text.length)).toBe(DESCRIBE.indexOf('\\n"\n') + 2);
  });

  it('round-trips an insertion: JSON.parse of the new host has the inserted rules string', () => {
    for (const rule of ['pass tls', 'drop tls']) {
      const { host, expected } = insertAfterParen(src, DESCRIBE, rule);
      expect(JSON.parse(host).RuleGroup.RulesSource.RulesString).toBe(expected);
      expect(sourceLabelled(readHostDocument('x.json', host), 'RuleGroup.RulesSource.RulesString').text).toBe(expected);
    }
  });

  it('JSON-escapes inserted text', () => {
    expect(src.encodeForHost('msg:"a\\b";\n')).toBe('msg:\\"a\\\\b\\";\\n');
  });
});

describe('json: create-rule-group input and bare RuleGroup', () => {
  it('reads a flat Rules string', () => {
    const d = readHostDocument('create.json', fixture('create-rule-group.json'));
    expect(d.sources.map((s) => [s.label, s.text])).toEqual([['Rules', 'alert tls any any -> any any (tls.sni; content:"a.example"; sid:10;)\n']]);
  });

  it('reads a bare RuleGroup', () => {
    const host = '{"RulesSource": {"RulesString": "pass tls any any -> any any (sid:1;)"}, "StatefulRuleOptions": {"RuleOrder": "DEFAULT_ACTION_ORDER"}}';
    const d = readHostDocument('group.json', host);
    expect(d.sources).toHaveLength(1);
    expect(d.sources[0].label).toBe('RulesSource.RulesString');
    expect(d.sources[0].context.ruleOrder).toBe('action');
    expect(d.sources[0].toHostOffset(0)).toBe(host.indexOf('pass'));
  });
});

describe('json: CloudFormation template', () => {
  for (const [name, host] of [['cloudformation.json', CFN], ['cloudformation-crlf.json', CFN_CRLF]] as const) {
    it(`${name}: several rule groups, domain list generated, rule order finding`, () => {
      const doc = readHostDocument(name, host);
      expect(doc.format).toBe('cloudformation-json');
      expect(doc.findings.filter((f) => f.ruleId === 'host-parse-error')).toEqual([]);
      expect(doc.sources.map((s) => [s.label, s.generated])).toEqual([
        [EGRESS, false],
        ['Resources.Domains.Properties.RuleGroup.RulesSource.RulesSourceList', true],
      ]);
      const src = sourceLabelled(doc, EGRESS);
      expect(hostPositionOf(src, host, 'drop tls')).toEqual(pos(13, 117));
      expect(hostPositionOf(src, host, '(msg:"deny')).toEqual(pos(13, 161));
      const missing = doc.findings.filter((f) => f.ruleId === 'aws-rule-order-missing');
      expect(missing).toHaveLength(1); // the STATELESS group is not flagged
      expect(host.slice(missing[0].range.start, missing[0].range.end)).toBe('"RuleGroup"');
      const list = doc.sources[1];
      const key = host.indexOf('"RulesSourceList"');
      expect(list.toHostOffset(0)).toBe(key);
      expect(list.toHostOffset(list.text.length)).toBe(key);
      expect(list.text.split('\n')[0]).toBe(
        'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazon.com"; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; priority:1; flow:to_server, established; sid:1; rev:1;)',
      );
      const { host: next, expected } = insertAfterParen(src, host, 'drop tls');
      expect(JSON.parse(next).Resources.EgressRules.Properties.RuleGroup.RulesSource.RulesString).toBe(expected);
    });
  }
});

describe('json: errors', () => {
  it('reports syntax errors as host-parse-error and still reads what it can', () => {
    const host = '{"RuleGroup": {"RulesSource": {"RulesString": "pass tls any any -> any any (sid:1;)"}},, }';
    const d = readHostDocument('bad.json', host);
    expect(d.findings.some((f) => f.ruleId === 'host-parse-error')).toBe(true);
    expect(d.sources[0]?.text).toBe('pass tls any any -> any any (sid:1;)');
  });

  it('flags a RulesString longer than 2,000,000 characters', () => {
    const rules = 'alert tcp any any -> any any (sid:1;)\n'.repeat(53_000);
    const host = JSON.stringify({ RuleGroup: { RulesSource: { RulesString: rules } } });
    const d = readHostDocument('big.json', host);
    expect(rules.length).toBeGreaterThan(2_000_000);
    expect(d.findings.map((f) => f.ruleId)).toEqual(['aws-rules-string-too-long']);
  });
});
