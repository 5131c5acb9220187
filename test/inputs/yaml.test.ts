import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readHostDocument } from '../../src/inputs/read-host-document.js';
import { SourceFile } from '../../src/source/source-file.js';
import { fixture, hostPositionOf, insertAfterParen, pos, sourceLabelled } from './helpers.js';

const HOST = fixture('cloudformation.yaml');
const CRLF = fixture('cloudformation-crlf.yaml');
const label = (resource: string): string => `Resources.${resource}.Properties.RuleGroup.RulesSource.RulesString`;

/** The value the `yaml` package itself reads at Resources.<name>...RulesString. */
function yamlValue(host: string, resource: string): unknown {
  const doc = parseDocument(host);
  expect(doc.errors).toEqual([]);
  return doc.getIn(['Resources', resource, 'Properties', 'RuleGroup', 'RulesSource', 'RulesString']);
}

describe('yaml: cloudformation.yaml', () => {
  const doc = readHostDocument('cloudformation.yaml', HOST);

  it('finds the rule groups and reports what it cannot read', () => {
    expect(doc.format).toBe('cloudformation-yaml');
    expect(doc.sources.map((s) => s.label)).toEqual([
      label('EgressRules'),
      label('RegionalRules'),
      label('FoldedRules'),
      label('QuotedRules'),
      label('LongFormSub'),
      'Resources.DenyDomains.Properties.RuleGroup.RulesSource.RulesSourceList',
    ]);
    const file = new SourceFile('h', HOST);
    const summary = doc.findings.map((f) => [f.ruleId, file.positionAt(f.range.start).line]);
    expect(summary).toEqual([
      ['aws-rule-order-missing', 37],
      ['host-unresolved-template', 85],
    ]);
    expect(HOST.slice(doc.findings[0].range.start, doc.findings[0].range.end)).toBe('RuleGroup');
    expect(doc.findings[1].message).toContain('!Join');
  });

  it('decodes a | literal block (comment line, blank line, tab) and maps it', () => {
    const src = sourceLabelled(doc, label('EgressRules'));
    expect(src.text).toBe(yamlValue(HOST, 'EgressRules'));
    expect(src.text).toBe(
      '# allow the corporate domain\n' +
        'pass tls $HOME_NET any -> $EXTERNAL_NET $TLS_PORTS (tls.sni; content:"example.com"; sid:1;)\n' +
        '\n' +
        'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"deny";\tflow:to_server; sid:2;)\n',
    );
    expect(hostPositionOf(src, HOST, 'pass tls')).toEqual(pos(25, 13));
    expect(hostPositionOf(src, HOST, 'drop tls')).toEqual(pos(27, 13));
    expect(hostPositionOf(src, HOST, 'flow:to_server; sid:2')).toEqual(pos(27, 70));
    expect(src.context.variables).toEqual(new Set(['HOME_NET', 'TLS_PORTS']));
    expect(src.context.ruleOrder).toBe('strict');
  });

  it('treats ${...} in a !Sub block as unresolved and ${!X} as the literal ${X}', () => {
    const src = sourceLabelled(doc, label('RegionalRules'));
    expect(src.text).toBe(
      'alert tls any any -> any any (msg:"${AWS::Region} tls"; tls.sni; content:"${Literal}"; sid:3;)\n' +
        'pass tls any any -> any any (tls.sni; content:"s3.${AWS::Region}.amazonaws.com"; sid:4;)\n',
    );
    expect(src.unresolved.map((r) => src.text.slice(r.start, r.end))).toEqual(['${AWS::Region}', '${AWS::Region}']);
    expect(hostPositionOf(src, HOST, 'pass tls')).toEqual(pos(41, 13));
    expect(hostPositionOf(src, HOST, 'sid:3')).toEqual(pos(40, 101)); // host has ${!Literal}, one char more;
    expect(src.encodeForHost('content:"${x}"; ')).toBe('content:"${!x}"; ');
  });

  it('decodes a >- folded block and maps its second line', () => {
    const src = sourceLabelled(doc, label('FoldedRules'));
    expect(src.text).toBe('pass tls any any -> any any (tls.sni; content:"folded.example"; sid:5;)');
    expect(src.text).toBe(yamlValue(HOST, 'FoldedRules'));
    expect(hostPositionOf(src, HOST, '(tls.sni')).toEqual(pos(52, 13));
    expect(src.context.ruleOrder).toBe('action');
    expect(src.encodeForHost('a\nb')).toBeUndefined();
  });

  it('decodes double-quoted escapes (\\" and \\\\) and maps them', () => {
    const src = sourceLabelled(doc, label('QuotedRules'));
    expect(src.text).toBe('drop tls any any -> any any (msg:"say \\"hi\\""; content:"C:\\\\x"; sid:6;)\npass tls any any -> any any (sid:7;)\n');
    expect(src.text).toBe(yamlValue(HOST, 'QuotedRules'));
    expect(hostPositionOf(src, HOST, 'drop tls')).toEqual(pos(62, 25));
    expect(hostPositionOf(src, HOST, 'pass tls any any -> any any (sid:7')).toEqual(pos(62, 108));
  });

  it("decodes a single-quoted Fn::Sub ('' escape)", () => {
    const src = sourceLabelled(doc, label('LongFormSub'));
    expect(src.text).toBe("pass tls any any -> any any (msg:'${Env}'; sid:8;)");
    expect(src.unresolved.map((r) => src.text.slice(r.start, r.end))).toEqual(['${Env}']);
    expect(hostPositionOf(src, HOST, 'sid:8')).toEqual(pos(74, 68));
  });

  it('generates the deny-list rules, all mapped to the RulesSourceList key', () => {
    const src = doc.sources[5];
    expect(src.generated).toBe(true);
    expect(src.text.split('\n')).toHaveLength(3);
    const p = new SourceFile('h', HOST).positionAt(src.toHostOffset(20));
    expect(p).toEqual(pos(96, 11));
  });

  it.each([
    ['EgressRules', 'drop tls'],
    ['EgressRules', 'pass tls'],
    ['FoldedRules', 'pass tls'],
    ['QuotedRules', 'pass tls'],
    ['QuotedRules', 'drop tls'],
  ])('round-trips an insertion in %s after the "(" of "%s"', (resource, rule) => {
    const src = sourceLabelled(doc, label(resource));
    const { host, expected } = insertAfterParen(src, HOST, rule);
    expect(yamlValue(host, resource)).toBe(expected);
    expect(sourceLabelled(readHostDocument('t.yaml', host), label(resource)).text).toBe(expected);
  });

  it.each([
    ['RegionalRules', 'pass tls'],
    ['LongFormSub', 'pass tls'],
  ])('round-trips an insertion in the Sub template %s', (resource, rule) => {
    const src = sourceLabelled(doc, label(resource));
    const { host, expected } = insertAfterParen(src, HOST, rule);
    expect(parseDocument(host).errors).toEqual([]);
    expect(sourceLabelled(readHostDocument('t.yaml', host), label(resource)).text).toBe(expected);
  });

  it('encodes multi-line text for a literal block with the block indentation', () => {
    const src = sourceLabelled(doc, label('EgressRules'));
    const edit = { range: { start: 0, end: 0 }, text: 'alert tcp any any -> any any (sid:99;)\n' };
    const at = src.toHostOffset(0);
    const host = HOST.slice(0, at) + src.encodeForHost(edit.text) + HOST.slice(at);
    expect(yamlValue(host, 'EgressRules')).toBe(edit.text + src.text);
  });
});

describe('yaml: CRLF template', () => {
  const doc = readHostDocument('cloudformation-crlf.yaml', CRLF);
  it('decodes a |- block with tabs and maps through CRLF lines', () => {
    expect(doc.findings).toEqual([expect.objectContaining({ ruleId: 'aws-rule-order-missing' })]);
    const src = sourceLabelled(doc, label('CrlfRules'));
    expect(src.text).toBe('pass tls any any -> any any (tls.sni;\tcontent:"crlf.example"; sid:1;)\ndrop tls any any -> any any (msg:"x"; sid:2;)');
    expect(src.text).toBe(yamlValue(CRLF, 'CrlfRules'));
    expect(hostPositionOf(src, CRLF, 'content:"crlf')).toEqual(pos(10, 51));
    expect(hostPositionOf(src, CRLF, 'drop tls')).toEqual(pos(11, 13));
    const second = sourceLabelled(doc, label('Second'));
    expect(hostPositionOf(second, CRLF, 'sid:3')).toEqual(pos(21, 55));
    const { host, expected } = insertAfterParen(src, CRLF, 'drop tls');
    expect(yamlValue(host, 'CrlfRules')).toBe(expected);
    expect(src.encodeForHost('a\nb')).toBe('a\r\n            b');
  });
});

describe('yaml: errors', () => {
  it('reports YAML syntax errors as host-parse-error without throwing', () => {
    const d = readHostDocument('bad.yaml', 'Resources:\n  X: [\n');
    expect(d.findings.some((f) => f.ruleId === 'host-parse-error')).toBe(true);
  });
});
