import { beforeAll, describe, expect, it } from 'vitest';
import { loadHclGrammar, readHostDocument, readHostDocumentAsync } from '../../src/inputs/read-host-document.js';
import type { HostDocument } from '../../src/inputs/embedded-rules.js';
import { fixture, hostPositionOf, insertAfterParen, pos, sourceLabelled, SSL_STATE } from './helpers.js';

const TF = fixture('network-firewall.tf');
const EGRESS = 'aws_networkfirewall_rule_group.egress.rule_group.rules_source.rules_string';
const TEMPLATED = 'aws_networkfirewall_rule_group.templated.rule_group.rules_source.rules_string';
const QUOTED = 'aws_networkfirewall_rule_group.quoted.rules';

let doc: HostDocument;
beforeAll(async () => {
  doc = await readHostDocumentAsync('network-firewall.tf', TF);
});

describe('terraform: network-firewall.tf', () => {
  it('finds every rule group, in file order', () => {
    expect(doc.format).toBe('terraform');
    expect(doc.sources.map((s) => s.label)).toEqual([
      EGRESS,
      TEMPLATED,
      QUOTED,
      'aws_networkfirewall_rule_group.domains.rule_group.rules_source.rules_source_list',
      'aws_networkfirewall_rule_group.five_tuple.rule_group.rules_source.stateful_rule',
    ]);
    expect(doc.findings.filter((f) => f.ruleId === 'host-parse-error')).toEqual([]);
  });

  it('decodes a <<EOF heredoc verbatim, with its final newline', () => {
    expect(sourceLabelled(doc, EGRESS).text).toBe(
      'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; startswith; nocase; endswith; flow:to_server; sid:1;)\n' +
        'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"block \\"other\\""; flow:to_server;\tsid:2;)\n',
    );
  });

  it('reads context: rule order, variables, group name', () => {
    const egress = sourceLabelled(doc, EGRESS);
    expect(egress.context.ruleOrder).toBe('strict');
    expect([...(egress.context.variables ?? [])]).toEqual(['WEBSERVERS_HOSTS', 'HTTP_PORTS']);
    expect(egress.context.groupName).toBe('egress-tls');
    expect(sourceLabelled(doc, TEMPLATED).context.ruleOrder).toBeUndefined();
    expect(doc.sources[3].context.ruleOrder).toBe('action');
  });

  it('maps heredoc rules to host line/column (hand-counted)', () => {
    const egress = sourceLabelled(doc, EGRESS);
    expect(hostPositionOf(egress, TF, 'pass tls')).toEqual(pos(28, 1));
    expect(hostPositionOf(egress, TF, 'drop tls')).toEqual(pos(29, 1));
    expect(hostPositionOf(egress, TF, 'sid:2')).toEqual(pos(29, 85)); // after a tab
  });

  it('dedents <<-EOT as Terraform does and keeps ${...}/%{...} as unresolved ranges', () => {
    const t = sourceLabelled(doc, TEMPLATED);
    expect(t.text).toBe(
      '%{ for i, d in var.allowed_domains ~}\n' +
        'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"${d}"; sid:${1005 + i};)\n' +
        '%{ endfor ~}\n' +
        '\talert http any any -> any any (http.host; content:"a${b}"; sid:9;)\n',
    );
    const texts = t.unresolved.map((r) => t.text.slice(r.start, r.end));
    expect(texts).toEqual(['%{ for i, d in var.allowed_domains ~}', '${d}', '${1005 + i}', '%{ endfor ~}']);
    // "$${b}" is an escaped literal, not a template
    expect(hostPositionOf(t, TF, 'pass tls')).toEqual(pos(47, 9));
    expect(hostPositionOf(t, TF, 'sid:${1005')).toEqual(pos(47, 79));
    expect(hostPositionOf(t, TF, '\talert')).toEqual(pos(49, 9));
    expect(hostPositionOf(t, TF, 'alert http')).toEqual(pos(49, 10));
    // after the $${ escape the map is shifted by one
    const b = t.text.indexOf('${b}');
    expect(t.toHostOffset(b + 2) - t.toHostOffset(b)).toBe(3);
  });

  it('decodes quoted strings with \\" and \\\\ escapes and maps them', () => {
    const q = sourceLabelled(doc, QUOTED);
    expect(q.text).toBe(
      'pass tls any any -> any any (tls.sni; content:"x.com"; sid:20;)\ndrop tls any any -> any any (content:"C:\\\\tmp"; sid:21;)\n',
    );
    expect(hostPositionOf(q, TF, 'drop tls')).toEqual(pos(59, 82));
    expect(hostPositionOf(q, TF, 'sid:21')).toEqual(pos(59, 134));
  });

  it('reports file(), missing rule order, as host findings', () => {
    const byRule = doc.findings.map((f) => [f.ruleId, TF.slice(f.range.start, f.range.end)]);
    expect(byRule).toContainEqual(['host-unresolved-template', 'file("egress.rules")']);
    const fileFinding = doc.findings.find((f) => f.ruleId === 'host-unresolved-template');
    expect(fileFinding?.message).toContain('egress.rules');
    const orderMissing = doc.findings.filter((f) => f.ruleId === 'aws-rule-order-missing');
    expect(orderMissing.map((f) => f.message.split(' ')[0])).toEqual([
      'aws_networkfirewall_rule_group.templated',
      'aws_networkfirewall_rule_group.quoted',
      'aws_networkfirewall_rule_group.from_file',
    ]);
    expect(TF.slice(orderMissing[0].range.start, orderMissing[0].range.end)).toBe('rule_group');
    expect(orderMissing[0].message).toContain('AWS defaults to action order; strict order is recommended');
  });

  it('generates read-only rules for rules_source_list and stateful_rule', () => {
    const list = doc.sources[3];
    expect(list.generated).toBe(true);
    expect(list.text).toBe(
      'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"evil.com"; startswith; nocase; endswith; msg:"matching TLS denylisted FQDNs"; priority:1; flow:to_server, established; sid:1; rev:1;)\n' +
        'drop http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"evil.com"; startswith; endswith; msg:"matching HTTP denylisted FQDNs"; priority:1; flow:to_server, established; sid:2; rev:1;)\n',
    );
    const at = TF.indexOf('rules_source_list {');
    expect([0, 10, list.text.length].map((o) => list.toHostOffset(o))).toEqual([at, at, at]);
    const tuple = doc.sources[4];
    expect(tuple.text).toBe('drop http $HOME_NET ANY <> $EXTERNAL_NET ANY (msg:"this is a stateful drop rule"; sid:1234;)\n');
    expect(tuple.toHostOffset(5)).toBe(TF.indexOf('stateful_rule {'));
    expect(tuple.encodeForHost('x')).toBeUndefined();
  });

  it('round-trips an insertion after "(" in a <<EOF heredoc', () => {
    const egress = sourceLabelled(doc, EGRESS);
    const { host, expected } = insertAfterParen(egress, TF, 'drop tls');
    const again = readHostDocument('network-firewall.tf', host);
    expect(again.findings.filter((f) => f.ruleId === 'host-parse-error')).toEqual([]);
    expect(sourceLabelled(again, EGRESS).text).toBe(expected);
    expect(host.split('\n')[28]).toBe(`drop tls $HOME_NET any -> $EXTERNAL_NET any (${SSL_STATE}msg:"block \\"other\\""; flow:to_server;\tsid:2;)`);
  });

  it('round-trips an insertion in a <<-EOT heredoc and in a quoted string', () => {
    for (const [label, rule] of [[TEMPLATED, 'pass tls'], [TEMPLATED, '\talert'], [QUOTED, 'drop tls']] as const) {
      const src = sourceLabelled(doc, label);
      const { host, expected } = insertAfterParen(src, TF, rule);
      const again = readHostDocument('network-firewall.tf', host);
      expect(again.findings.filter((f) => f.ruleId === 'host-parse-error')).toEqual([]);
      expect(sourceLabelled(again, label).text).toBe(expected);
    }
  });

  it('encodes newlines and templates for heredocs and quoted strings', () => {
    expect(sourceLabelled(doc, TEMPLATED).encodeForHost('a\nb ${x}')).toBe('a\n        b $${x}');
    expect(sourceLabelled(doc, QUOTED).encodeForHost('say "a\\b"\n')).toBe('say \\"a\\\\b\\"\\n');
    expect(sourceLabelled(doc, EGRESS).encodeForHost('x\nEOF\n')).toBeUndefined();
  });
});

describe('terraform: CRLF and tab-indented <<-EOF', () => {
  const host = fixture('crlf-tabs.tf');
  it('dedents tabs, keeps CRLF, maps to host positions', async () => {
    await loadHclGrammar();
    const d = readHostDocument('crlf-tabs.tf', host);
    expect(d.findings.map((f) => f.ruleId)).toEqual(['aws-rule-order-missing']);
    const [src] = d.sources;
    expect(src.text).toBe(
      'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"a.com"; sid:1;)\r\n' +
        'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; sid:2;)\r\n',
    );
    expect(hostPositionOf(src, host, 'pass tls')).toEqual(pos(8, 2));
    expect(hostPositionOf(src, host, 'drop tls')).toEqual(pos(9, 2));
    expect(hostPositionOf(src, host, 'sid:2')).toEqual(pos(9, 56));
    const { host: next, expected } = insertAfterParen(src, host, 'drop tls');
    expect(readHostDocument('crlf-tabs.tf', next).sources[0].text).toBe(expected);
    expect(src.encodeForHost('a\nb')).toBe('a\r\n\tb');
  });
});

describe('terraform: broken input', () => {
  it('reports HCL syntax errors without throwing', async () => {
    const d = await readHostDocumentAsync('bad.tf', 'resource "aws_networkfirewall_rule_group" "x" {\n  rules = <<EOF\npass tcp any any -> any any (sid:1;)\n');
    expect(d.findings.some((f) => f.ruleId === 'host-parse-error')).toBe(true);
  });
});

describe('terraform: non-ASCII text', () => {
  it('keeps UTF-16 offsets right after é and astral chars', async () => {
    const host = '# caf\u00e9 \u{1F600}\nresource "aws_networkfirewall_rule_group" "u" {\n  type = "STATEFUL"\n  rules = <<EOF\nalert tls any any -> any any (msg:"\u{1F600}\u00e9"; sid:1;)\nEOF\n}\n';
    const d = await readHostDocumentAsync('u.tf', host);
    expect(d.findings.map((f) => f.ruleId)).toEqual(['aws-rule-order-missing']);
    const [src] = d.sources;
    expect(src.text).toBe('alert tls any any -> any any (msg:"\u{1F600}\u00e9"; sid:1;)\n');
    expect(src.toHostOffset(src.text.indexOf('sid:1'))).toBe(host.indexOf('sid:1'));
    expect(hostPositionOf(src, host, 'sid:1')).toEqual(pos(5, 42));
  });
});
