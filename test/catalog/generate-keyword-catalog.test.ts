import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildKeywords, generateKeywordCatalog, parseKeywordCsv } from '../../scripts/generate-keyword-catalog.mjs';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const csvPath = `${shared}reference/suricata-7.0.10-keywords.csv`;
const dataPath = fileURLToPath(new URL('../../src/catalog/keywords.data.ts', import.meta.url));

describe.skipIf(!existsSync(csvPath))('generated keyword catalog', () => {
  it('is up to date with the generator (run node scripts/generate-keyword-catalog.mjs)', () => {
    const expected = generateKeywordCatalog(readFileSync(csvPath, 'utf8'));
    expect(readFileSync(dataPath, 'utf8')).toBe(expected);
  });

  it('is deterministic', () => {
    const csv = readFileSync(csvPath, 'utf8');
    expect(generateKeywordCatalog(csv)).toBe(generateKeywordCatalog(csv));
  });
});

describe('generator', () => {
  const header = 'name;description;app layer;features;documentation\n';

  it('parses CSV rows', () => {
    const rows = parseKeywordCsv(`${header}sid;set rule ID;Unset;none;https://x/meta.html#sid;\n\n`);
    expect(rows).toEqual([{ name: 'sid', description: 'set rule ID', appLayer: 'Unset', features: 'none', docs: 'https://x/meta.html#sid' }]);
  });

  it('rejects a CSV with the wrong header', () => {
    expect(() => parseKeywordCsv('foo;bar\n')).toThrow(/header/);
  });

  it('refuses extras that name keywords missing from the CSV', () => {
    expect(() => buildKeywords(`${header}sid;set rule ID;Unset;none;;\n`)).toThrow(/extras table names/);
  });
});
