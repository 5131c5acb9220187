import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonV1 } from '../../src/formatters/json.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatGitlab } from '../../src/formatters/gitlab.js';
import { xmlAttr, xmlText } from '../../src/formatters/xml-text.js';
import { fixtureReport } from './fixture-report.js';

describe('XML escaping', () => {
  it.each([
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['bell\u0007 and nul\u0000', 'bell\uFFFD and nul\uFFFD'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
    ['emoji 🔴 kept', 'emoji 🔴 kept'],
  ])('text %j', (input, expected) => expect(xmlText(input)).toBe(expected));
  it('attributes also escape quotes and whitespace that parsers would normalise', () => {
    expect(xmlAttr('say "hi"\n\tnow')).toBe('say &quot;hi&quot;&#10;&#9;now');
  });
});

describe('junit', () => {
  const xml = formatJunit(fixtureReport(), { color: false });
  it('one suite per file, one case per finding, failures for errors and warnings', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="suricata-lint" tests="11" failures="8" errors="0">');
    expect(xml.match(/<failure /g)).toHaveLength(8);
    expect(xml).toContain('name="suricata-lint: no problems"');
  });
  it('has no unescaped markup from the rules text', () => {
    expect(xml).toContain('TLS 1.0 or 1.1 &lt;legacy&gt; &amp; \\"old\\"');
    expect(xml).not.toMatch(/<legacy>/);
  });
});

describe('json', () => {
  it('keeps the issue-2 array shape and json-v1 wraps exactly that array', () => {
    const arr = JSON.parse(formatJson(fixtureReport(), { color: false }));
    const v1 = JSON.parse(formatJsonV1(fixtureReport(), { color: false }));
    expect(Array.isArray(arr)).toBe(true);
    expect(Object.keys(arr[0].diagnostics[0]).slice(0, 7)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    expect(v1.schemaVersion).toBe(1);
    expect(v1.files).toEqual(arr);
    expect(v1.summary).toEqual({ files: 2, filesWithProblems: 1, errors: 7, warnings: 1, infos: 2, fixableSafe: 5, fixableUnsafe: 1 });
  });
  it('fix edits carry offsets and line/column that agree with the text', () => {
    const [file] = JSON.parse(formatJson(fixtureReport(), { color: false }));
    const text = fixtureReport().files[0].text;
    for (const d of file.diagnostics) {
      for (const e of d.fix?.edits ?? []) {
        const lineStart = text.split('\n').slice(0, e.line - 1).reduce((n: number, l: string) => n + l.length + 1, 0);
        expect(lineStart + e.column - 1).toBe(e.start);
      }
    }
  });
});

describe('gitlab code quality', () => {
  it('maps severities and gives unique fingerprints', () => {
    const issues = JSON.parse(formatGitlab(fixtureReport(), { color: false }));
    expect(issues.map((i: { severity: string }) => i.severity).sort()).toEqual(['info', 'info', 'major', 'major', 'major', 'major', 'major', 'major', 'major', 'minor']);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues[0].location).toEqual({ path: 'rules/egress.rules', positions: { begin: { line: 2, column: 46 }, end: { line: 2, column: 53 } } });
  });
});
