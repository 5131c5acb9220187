import { describe, expect, it } from 'vitest';
import { isSupportedHostPath, readHostDocument, readHostDocumentAsync } from '../../src/inputs/read-host-document.js';
import { mapEditsToHost } from '../../src/inputs/map-edits.js';
import { domainListRules } from '../../src/inputs/domain-list-rules.js';
import { fixture } from './helpers.js';

// This file never loads the grammar before its first test: the sync Terraform path must explain itself.
describe('readHostDocument', () => {
  it('reports a clear error for .tf before the Terraform grammar is loaded, then works async', async () => {
    const tf = fixture('crlf-tabs.tf');
    const sync = readHostDocument('crlf-tabs.tf', tf);
    expect(sync.format).toBe('terraform');
    expect(sync.sources).toEqual([]);
    expect(sync.findings[0].ruleId).toBe('host-parse-error');
    expect(sync.findings[0].message).toContain('readHostDocumentAsync');
    const later = await readHostDocumentAsync('crlf-tabs.tf', tf);
    expect(later.sources).toHaveLength(1);
  });

  it('reads .rules (and unknown text) with an identity mapping', () => {
    const text = 'alert tcp any any -> any any (sid:1;)\n';
    for (const path of ['a.rules', 'notes.txt']) {
      const d = readHostDocument(path, text);
      expect(d.format).toBe('rules');
      expect(d.sources).toHaveLength(1);
      const [src] = d.sources;
      expect(src.text).toBe(text);
      expect(src.toHostOffset(7)).toBe(7);
      expect(src.toHostOffset(text.length + 5)).toBe(text.length);
      expect(mapEditsToHost(src, [{ range: { start: 30, end: 30 }, text: 'x' }])).toEqual([{ range: { start: 30, end: 30 }, text: 'x' }]);
    }
  });

  it('picks the adapter by content when the extension is unknown', () => {
    expect(readHostDocument('template', fixture('cloudformation.yaml')).format).toBe('cloudformation-yaml');
    expect(readHostDocument('group', fixture('describe-rule-group.json')).format).toBe('aws-rule-group-json');
    expect(readHostDocument('x.YML', 'Resources: {}\n').format).toBe('cloudformation-yaml');
  });

  it('knows the supported extensions', () => {
    expect(['a.rules', 'b.json', 'c.yaml', 'd.yml', 'e.tf', 'F.TF'].map(isSupportedHostPath)).toEqual([true, true, true, true, true, true]);
    expect(['a.txt', 'b.tfvars', 'c'].map(isSupportedHostPath)).toEqual([false, false, false]);
  });

  it('never throws on garbage', () => {
    for (const [path, text] of [['a.json', '\u0000{'], ['a.yaml', ': : :\n\t- ['], ['a.json', ''], ['a.yaml', '']]) {
      expect(() => readHostDocument(path, text)).not.toThrow();
    }
  });

  it('refuses to map edits onto generated rules', () => {
    const d = readHostDocument('cfn.json', fixture('cloudformation.json'));
    const generated = d.sources.find((s) => s.generated);
    expect(generated).toBeDefined();
    if (generated) expect(mapEditsToHost(generated, [{ range: { start: 0, end: 0 }, text: 'x' }])).toBeUndefined();
  });
});

describe('domainListRules', () => {
  it('reproduces AWS published TLS and HTTP allow lists', () => {
    expect(domainListRules(['.amazon.com', 'example.com'], ['TLS_SNI'], 'ALLOWLIST')).toBe(
      'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazon.com"; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; priority:1; flow:to_server, established; sid:1; rev:1;)\n' +
        'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; priority:1; flow:to_server, established; sid:2; rev:1;)\n' +
        'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not matching any TLS allowlisted FQDNs"; priority:1; ssl_state:client_hello; flow:to_server, established; sid:3; rev:1;)\n',
    );
    expect(domainListRules(['.amazon.com', 'example.com'], ['HTTP_HOST'], 'ALLOWLIST')).toBe(
      'pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; dotprefix; content:".amazon.com"; endswith; msg:"matching HTTP allowlisted FQDNs"; priority:1; flow:to_server, established; sid:1; rev:1;)\n' +
        'pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"example.com"; startswith; endswith; msg:"matching HTTP allowlisted FQDNs"; priority:1; flow:to_server, established; sid:2; rev:1;)\n' +
        'drop http $HOME_NET any -> $EXTERNAL_NET any (http.header_names; content:"|0d 0a|"; startswith; msg:"not matching any HTTP allowlisted FQDNs"; priority:1; flow:to_server, established; sid:3; rev:1;)\n',
    );
  });

  it('derives reject and alert lists from the deny list', () => {
    expect(domainListRules(['evil.com'], ['TLS_SNI'], 'REJECTLIST')).toBe(
      'reject tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"evil.com"; startswith; nocase; endswith; msg:"matching TLS rejectlisted FQDNs"; priority:1; flow:to_server, established; sid:1; rev:1;)\n',
    );
    expect(domainListRules(['evil.com'], ['HTTP_HOST'], 'ALERTLIST')).toMatch(/^alert http .*msg:"matching HTTP alertlisted FQDNs"/);
    expect(domainListRules(['evil.com'], ['TLS_SNI'], 'SOMETHING')).toBe('');
  });
});
