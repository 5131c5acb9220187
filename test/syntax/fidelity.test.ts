import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import { parseRules } from '../../src/syntax/parse.js';
import { SourceFile } from '../../src/source/source-file.js';
import type { RuleStatement } from '../../src/syntax/tree.js';
import { corpusFiles, HAS_SHARED, oracleEntries } from '../helpers/shared.js';

/** Rejections whose cause is lexical or syntactic (what the parser, not a semantic check, must catch). */
const SYNTACTIC = /direction|hex|terminat|semicolon|double quote|must be double quoted|unknown rule keyword|invalid action|failed to parse (address|port)|invalid formatting|no rule options/i;

describe.skipIf(!HAS_SHARED)('fidelity against Suricata 7.0.10 (../shared/oracle)', () => {
  const files = new Map(corpusFiles().map((f) => [f.name, f.text]));
  const entries = oracleEntries();

  /** The rule statement starting at each oracle line, and the parse errors on it. */
  function statementsByLine(text: string): Map<number, RuleStatement> {
    const src = new SourceFile('', text);
    const m = new Map<number, RuleStatement>();
    for (const s of parseRules(text).statements) if (s.kind === 'rule') m.set(src.positionAt(s.range.start).line, s);
    return m;
  }

  it('no parse-error on any rule Suricata accepted', () => {
    const falseErrors: string[] = [];
    let accepted = 0;
    const cache = new Map<string, Map<number, RuleStatement>>();
    for (const e of entries) {
      if (e.verdict !== 'accepted') continue;
      accepted++;
      const text = files.get(e.file)!;
      if (!cache.has(e.file)) cache.set(e.file, statementsByLine(text));
      const s = cache.get(e.file)!.get(e.line);
      if (!s) falseErrors.push(`${e.file}:${e.line}: no rule statement found`);
      else {
        const errs = s.errors.filter((x) => !x.requiresSuricata8 && !x.accepted);
        if (errs.length) falseErrors.push(`${e.file}:${e.line}: ${errs[0].message}`);
      }
    }
    console.log(`fidelity: ${accepted} accepted rules, ${falseErrors.length} with a parse error`);
    expect(accepted).toBeGreaterThan(8000);
    expect(falseErrors).toEqual([]);
  });

  it('an error on at least 90% of the lexical/syntactic rule-category rejections', () => {
    const byFile = new Map<string, ReturnType<typeof lintText>>();
    const rejected = entries.filter((e) => e.verdict === 'rejected' && e.category === 'rule' && SYNTACTIC.test(e.reason ?? ''));
    const missed: string[] = [];
    for (const e of rejected) {
      const text = files.get(e.file)!;
      if (!byFile.has(e.file)) byFile.set(e.file, lintText(text, { profile: 'suricata' }));
      const s = statementsByLine(text).get(e.line);
      const hit = s && byFile.get(e.file)!.some((d) => d.severity === 'error' && d.range.start >= s.range.start && d.range.start <= s.range.end);
      if (!hit) missed.push(`${e.file}:${e.line} (${e.reason})`);
    }
    const rate = (rejected.length - missed.length) / rejected.length;
    console.log(`fidelity: ${rejected.length - missed.length}/${rejected.length} syntactic rejections flagged (${(rate * 100).toFixed(1)}%)${missed.length ? `; missed:\n  ${missed.join('\n  ')}` : ''}`);
    expect(rejected.length).toBeGreaterThan(10);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
