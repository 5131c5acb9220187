import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allKeywordNames, canonicalName, isAlias, lookupKeyword } from '../../src/catalog/keyword-catalog.js';
import { KEYWORDS } from '../../src/catalog/keywords.data.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const csvPath = `${shared}reference/suricata-7.0.10-keywords.csv`;
const hasShared = existsSync(csvPath);

describe.skipIf(!hasShared)('catalog against Suricata 7.0.10 --list-keywords=csv', () => {
  const rows = hasShared
    ? readFileSync(csvPath, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.trim() !== '')
        .map((l) => l.split(';'))
    : [];

  it('has 279 rows to check', () => {
    expect(rows).toHaveLength(279);
  });

  it('covers every CSV keyword as a canonical name, since 7, with the CSV docs URL', () => {
    for (const [name, , , features, docs] of rows) {
      const info = lookupKeyword(name);
      expect(info, name).toBeDefined();
      expect(info!.name).toBe(name);
      expect(info!.since).toBe(7);
      expect(info!.vendor).toBeUndefined();
      expect(info!.docs).toBe(docs || undefined);
      expect(info!.value === 'none', name).toBe(features.startsWith('No option'));
    }
  });

  it('marks every CSV sticky buffer, content modifier and transform with that kind', () => {
    const kindByFeature: Record<string, string> = {
      'sticky buffer': 'sticky-buffer',
      'content modifier': 'content-modifier',
      transform: 'transform',
    };
    for (const [name, , , features] of rows) {
      const feature = features.replace(/^No option:?/, '');
      if (kindByFeature[feature]) expect(lookupKeyword(name)!.kind, name).toBe(kindByFeature[feature]);
    }
  });

  it('lists since-7 keywords only from the CSV', () => {
    const csvNames = new Set(rows.map((r) => r[0]));
    const extra = KEYWORDS.filter((k) => k.since === 7 && !k.vendor && !csvNames.has(k.name)).map((k) => k.name);
    expect(extra).toEqual([]);
  });
});

describe('catalog integrity', () => {
  it('is sorted by name', () => {
    const names = KEYWORDS.map((k) => k.name);
    expect(names).toEqual([...names].sort());
  });

  it('has unique names and aliases, all lower-case and trimmed', () => {
    const all = KEYWORDS.flatMap((k) => [k.name, ...k.aliases]);
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) expect(n, n).toMatch(/^[a-z0-9][a-z0-9_.-]*$/);
  });

  it('resolves every alias to its canonical entry', () => {
    for (const k of KEYWORDS) {
      for (const alias of k.aliases) {
        expect(lookupKeyword(alias)).toBe(k);
        expect(canonicalName(alias)).toBe(k.name);
        expect(isAlias(alias)).toBe(true);
      }
      expect(isAlias(k.name)).toBe(false);
    }
  });

  it('never pairs a value-less keyword with quotes', () => {
    for (const k of KEYWORDS) if (k.value === 'none') expect(k.quotes, k.name).toBe('never');
  });

  it('gives every keyword a description', () => {
    for (const k of KEYWORDS) expect(k.description.length, k.name).toBeGreaterThan(0);
  });

  it('lists names and aliases for did-you-mean', () => {
    const names = allKeywordNames();
    expect(names).toContain('tls.sni');
    expect(names).toContain('tls_sni');
    expect(names.length).toBe(KEYWORDS.reduce((n, k) => n + 1 + k.aliases.length, 0));
    expect(names).toEqual([...names].sort());
  });
});

describe('known facts', () => {
  it('tls.sni is a value-less TLS sticky buffer with alias tls_sni', () => {
    const sni = lookupKeyword('tls.sni')!;
    expect(sni).toMatchObject({ kind: 'sticky-buffer', value: 'none', quotes: 'never', appLayer: 'tls', since: 7 });
    expect(sni.aliases).toEqual(['tls_sni']);
    expect(canonicalName('tls_sni')).toBe('tls.sni');
  });

  it('maps legacy names to their canonical keyword', () => {
    const pairs: [string, string][] = [
      ['ja3_hash', 'ja3.hash'],
      ['ja3_string', 'ja3.string'],
      ['ja4_hash', 'ja4.hash'],
      ['tls_cert_subject', 'tls.cert_subject'],
      ['tls_cert_issuer', 'tls.cert_issuer'],
      ['tls_cert_serial', 'tls.cert_serial'],
      ['tls_cert_fingerprint', 'tls.cert_fingerprint'],
      ['tls.store', 'tls_store'],
      ['dns_query', 'dns.query'],
      ['file_data', 'file.data'],
      ['http.uri.normalized', 'http.uri'],
      ['dce_iface', 'dcerpc.iface'],
      ['ack', 'tcp.ack'],
      ['luajit', 'lua'],
    ];
    for (const [alias, canonical] of pairs) expect(canonicalName(alias), alias).toBe(canonical);
  });

  it('keeps http_uri-style content modifiers as their own keywords', () => {
    expect(lookupKeyword('http_uri')).toMatchObject({ name: 'http_uri', kind: 'content-modifier', appLayer: 'http' });
    expect(isAlias('http_uri')).toBe(false);
    expect(lookupKeyword('http.uri')!.name).toBe('http.uri');
  });

  it('knows which keywords need quotes in Suricata 7', () => {
    for (const name of ['content', 'uricontent', 'msg', 'pcrexform', 'replace', 'xor']) {
      expect(lookupKeyword(name)!.quotes, name).toBe('mandatory');
    }
    expect(lookupKeyword('pcre')!.quotes).toBe('optional');
    expect(lookupKeyword('sid')!.quotes).toBe('never');
    expect(lookupKeyword('ssl_state')!.quotes).toBe('never');
  });

  it('knows value shapes', () => {
    expect(lookupKeyword('nocase')!.value).toBe('none');
    expect(lookupKeyword('noalert')!.value).toBe('none');
    expect(lookupKeyword('fast_pattern')!.value).toBe('optional');
    expect(lookupKeyword('sid')!.value).toBe('required');
    expect(lookupKeyword('ssl_state')).toMatchObject({ value: 'required', kind: 'app-layer', appLayer: 'tls' });
    expect(lookupKeyword('dotprefix')).toMatchObject({ kind: 'transform', value: 'none' });
  });

  it('recognises Suricata 8 keywords and flags them since 8', () => {
    expect(lookupKeyword('tls.alpn')).toMatchObject({ since: 8, kind: 'sticky-buffer', appLayer: 'tls' });
    expect(lookupKeyword('tls.subjectaltname')).toMatchObject({ since: 8, kind: 'sticky-buffer', appLayer: 'tls' });
    expect(lookupKeyword('ja4.hash')!.since).toBe(7);
    expect(lookupKeyword('requires')).toMatchObject({ since: 7, kind: 'meta' });
  });

  it('knows the AWS keywords as vendor aws', () => {
    expect(lookupKeyword('aws_domain_category')).toMatchObject({ vendor: 'aws', value: 'required' });
    expect(lookupKeyword('aws_url_category')).toMatchObject({ vendor: 'aws', appLayer: 'http' });
  });

  it('looks up case-insensitively and rejects unknown names', () => {
    expect(lookupKeyword('SSL_STATE')!.name).toBe('ssl_state');
    expect(lookupKeyword('TLS_SNI')!.name).toBe('tls.sni');
    expect(isAlias('TLS_SNI')).toBe(true);
    expect(isAlias('TLS.SNI')).toBe(false);
    expect(lookupKeyword('tls.sn')).toBeUndefined();
    expect(lookupKeyword('')).toBeUndefined();
    expect(canonicalName('nope')).toBeUndefined();
    expect(isAlias('nope')).toBe(false);
  });
});
