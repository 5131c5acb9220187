import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parseDocument, type Scalar, isMap, isScalar } from 'yaml';
import { decodeJsonString } from '../../src/inputs/json-string.js';
import { decodeHclQuoted } from '../../src/inputs/hcl-string.js';
import { decodeYamlScalar, type YamlScalarStyle } from '../../src/inputs/yaml-scalar.js';
import type { DecodedString } from '../../src/inputs/decoded-string.js';

const ruleish = fc.stringMatching(/^[a-z0-9 "\\;:$(){}\t'#-]{0,30}(\n[a-z0-9 "\\;:$(){}\t'#-]{0,30}){0,3}\n?$/);

function monotonic(d: DecodedString): boolean {
  for (let i = 1; i < d.hostOffsets.length; i++) if (d.hostOffsets[i] < d.hostOffsets[i - 1]) return false;
  return true;
}

describe('JSON string decoding', () => {
  it('matches JSON.parse and keeps a monotonic map (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const host = `{"k": ${JSON.stringify(s)}}`;
        const start = host.indexOf('"', 5);
        const d = decodeJsonString(host, start, host.length - 1);
        expect(d.text).toBe(s);
        expect(monotonic(d)).toBe(true);
        // every char that is not escaped maps onto itself in the host
        for (let i = 0; i < d.text.length; i++) if (host[d.hostOffsets[i]] !== '\\') expect(host[d.hostOffsets[i]]).toBe(d.text[i]);
      }),
    );
  });

  it('decodes \\uXXXX and \\/ and maps the char after them', () => {
    const host = '"a\\u00e9\\/b"';
    const d = decodeJsonString(host, 0, host.length);
    expect(d.text).toBe('a\u00e9/b');
    expect(Array.from(d.hostOffsets)).toEqual([1, 2, 8, 10, 11]);
  });
});

function yamlHost(value: string, type: YamlScalarStyle): { host: string; node: Scalar } | undefined {
  const doc = new Document({ Resources: { RulesString: value } });
  const pair = (doc.contents as unknown as { items: { value: Scalar }[] }).items[0].value as unknown as { items: { value: Scalar }[] };
  pair.items[0].value.type = type;
  const host = doc.toString();
  const back = parseDocument(host);
  if (back.errors.length > 0) return undefined;
  const map = back.get('Resources', true);
  if (!isMap(map)) return undefined;
  const node = map.get('RulesString', true);
  return isScalar(node) ? { host, node } : undefined;
}

describe('YAML scalar decoding', () => {
  const styles: YamlScalarStyle[] = ['BLOCK_LITERAL', 'BLOCK_FOLDED', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'PLAIN'];
  for (const style of styles) {
    it(`${style}: matches the yaml package on values it writes (property)`, () => {
      fc.assert(
        fc.property(ruleish, (value) => {
          const made = yamlHost(value, style);
          if (!made || typeof made.node.value !== 'string' || !made.node.range) return;
          const [start, end] = made.node.range;
          const d = decodeYamlScalar(made.host, start, end, made.node.type as YamlScalarStyle);
          expect(d.text).toBe(made.node.value);
          expect(monotonic(d)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('decodes folded blocks with more-indented lines and blank lines like the yaml package', () => {
    const host = 'k: >\n  a\n  b\n\n  c\n    d\n  e\n\n\n';
    const node = (parseDocument(host).contents as unknown as { items: { value: Scalar }[] }).items[0].value;
    const [start, end] = node.range ?? [0, 0];
    expect(decodeYamlScalar(host, start, end, 'BLOCK_FOLDED').text).toBe(node.value);
  });

  it('decodes |+ keep and explicit indentation indicators', () => {
    for (const host of ['k: |+\n  a\n\n\n', 'k: |2\n    a\n  b\n', 'k: |-\n  a\n  b\n', 'k: >2-\n   x\n  y\n']) {
      const node = (parseDocument(host).contents as unknown as { items: { value: Scalar }[] }).items[0].value;
      const [start, end] = node.range ?? [0, 0];
      expect(decodeYamlScalar(host, start, end, node.type as YamlScalarStyle).text, host).toBe(node.value);
    }
  });
});

describe('HCL quoted strings', () => {
  it('decodes what encodeForHost writes (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const encoded = decodeHclQuoted('""', 1, 1, []).encode(s) ?? '';
        const host = `"${encoded}"`;
        expect(decodeHclQuoted(host, 1, host.length - 1, []).text).toBe(s);
      }),
    );
  });

  it('decodes \\u, \\U, $${ and %%{ escapes', () => {
    const host = '"\\u00e9\\U0001F600$${x}%%{y}\\\\"';
    const d = decodeHclQuoted(host, 1, host.length - 1, []);
    expect(d.text).toBe('\u00e9\u{1F600}${x}%{y}\\');
    expect(d.hostOffsets[3]).toBe(host.indexOf('$$'));
  });
});
