import { describe, expect, it } from 'vitest';
import { codeFrame, formatText } from '../../src/formatters/text.js';
import { fixtureReport } from './fixture-report.js';

describe('text code frame', () => {
  it('puts the caret under the range', () => {
    const f = codeFrame('alert tcp any any', { line: 1, column: 7, endLine: 1, endColumn: 10 });
    expect(f.text).toBe('alert tcp any any');
    expect(f.caretIndent + f.caret).toBe('      ^^^');
  });
  it('an empty range (insertion point) gets one caret', () => {
    const f = codeFrame('abc', { line: 1, column: 4, endLine: 1, endColumn: 4 });
    expect(f.caretIndent + f.caret).toBe('   ^');
  });
  it('tabs show as one space so the caret stays aligned', () => {
    const f = codeFrame('\talert', { line: 1, column: 2, endLine: 1, endColumn: 7 });
    expect(f.text).toBe(' alert');
    expect(f.caretIndent + f.caret).toBe(' ^^^^^');
  });
  it('long lines are windowed around the finding', () => {
    const line = `${'a'.repeat(300)}TARGET${'b'.repeat(300)}`;
    const f = codeFrame(line, { line: 1, column: 301, endLine: 1, endColumn: 307 });
    expect(f.text.length).toBeLessThanOrEqual(122);
    expect(f.text.startsWith('…')).toBe(true);
    expect(f.text.endsWith('…')).toBe(true);
    expect(f.text.slice(f.caretIndent.length, f.caretIndent.length + f.caret.length)).toBe('TARGET');
  });
  it('multi-line ranges underline to the end of the first line and say where they end', () => {
    const f = codeFrame('abc def', { line: 1, column: 5, endLine: 3, endColumn: 2 });
    expect(f.caret).toBe('^^^');
    expect(f.more).toBe(' (continues to line 3)');
  });
});

describe('text output', () => {
  it('has no escape codes without colour and some with it', () => {
    // eslint-disable-next-line no-control-regex
    const ansi = /\u001b\[/;
    expect(formatText(fixtureReport(), { color: false })).not.toMatch(ansi);
    expect(formatText(fixtureReport(), { color: true })).toMatch(ansi);
  });
  it('the summary counts problems and splits fixable ones into safe and unsafe', () => {
    const out = formatText(fixtureReport(), { color: false });
    expect(out).toContain('✖ 10 problems (7 errors, 1 warning, 2 infos) in 1 of 2 files\n  5 fixable with --fix; 1 more with --fix --unsafe-fixes\n');
  });
  it('reports applied fixes and --max-warnings overruns', () => {
    const r = fixtureReport();
    const out = formatText({ ...r, files: [{ ...r.files[0], fixesApplied: 4 }, r.files[1]] }, { color: false, maxWarnings: 0 });
    expect(out).toContain('Fixed 4 problems in 1 file.');
    expect(out).toContain('too many warnings: 1, the maximum is 0 (--max-warnings)');
  });
});

describe('progress line', async () => {
  const { progressLine, progressStep, CLEAR_LINE } = await import('../../src/formatters/progress.js');
  it('overwrites the line and cuts long paths from the left', () => {
    expect(progressLine(3, 40, 'rules/a.rules')).toBe(`${CLEAR_LINE}[3/40] rules/a.rules`);
    const long = progressLine(3, 40, `${'d/'.repeat(100)}x.rules`, 40);
    expect(long.length - CLEAR_LINE.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('d/x.rules')).toBe(true);
  });
  it('updates about once per percent', () => {
    expect([progressStep(5), progressStep(250), progressStep(10_000)]).toEqual([1, 2, 100]);
  });
});
