import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEngineAnalysis } from '../../src/engine/engine-analysis.js';
import { readLoaderStatements } from '../../src/engine/loader-statements.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const statements = readLoaderStatements(fixture('basic.rules'));

describe('parseEngineAnalysis on captured --engine-analysis output (Suricata 7.0.10)', () => {
  const analysis = parseEngineAnalysis(fixture('basic.rules.json'), fixture('basic.rules_analysis.txt'), statements);

  it('keys rules.json entries by the line of the rule they describe', () => {
    expect([...analysis.entries.keys()].sort((a, b) => a - b)).toEqual([2, 4, 6, 13, 14, 18]);
    expect(analysis.entries.get(6)).toMatchObject({ id: 5 });
  });

  it('turns rules.json warnings and rules_analysis.txt warnings into messages, joining the advice line', () => {
    const texts = (line: number) => (analysis.warnings.get(line) ?? []).map((m) => m.text);
    expect(texts(13)).toContain('Pattern looks like it inspects HTTP, use http.request_line or http.method and http.uri instead for improved performance');
    expect(texts(14)).toContain('Rule uses pcre without a content option present. Consider adding a content to improve performance of this rule.');
    expect(texts(14)).toContain('Rule is inspecting both the request and the response.');
    expect((analysis.warnings.get(14) ?? []).every((m) => m.level === 'warning')).toBe(true);
  });

  it('ignores malformed input', () => {
    const empty = parseEngineAnalysis('{not json\n[]\n', '== Sid: 1 ==\n', statements);
    expect(empty.entries.size).toBe(0);
    expect(empty.warnings.size).toBe(0);
  });
});
