import { describe, expect, it } from 'vitest';
import { fixWith } from '../../src/fix/fix-loop.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import type { LintRule } from '../../src/linter/lint-rule.js';
import { lintFile } from '../../src/linter/linter.js';
import { SourceFile } from '../../src/source/source-file.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { ExpectedDiagnostic } from '../rules/rule-tester.js';

/**
 * A case where the current rule disagrees with what a careful human expects. `expect` is the behaviour we
 * want; the test is `it.fails`, so it passes while the gap exists and starts failing once the rule is fixed:
 * then move the case into the rule's `valid`/`invalid` table.
 */
export interface KnownGap {
  readonly name: string;
  /** Why the current behaviour is wrong, in one or two sentences. */
  readonly why: string;
  readonly code: string;
  readonly options?: LintOptions;
  /** Expected diagnostics of the rule under test (empty: the rule should stay silent). */
  readonly errors: readonly ExpectedDiagnostic[];
  /** Expected text after safe fixes; `null`: nothing should change. Omitted: not checked. */
  readonly output?: string | null;
  /** The rule was fixed: the case now runs as a plain regression test. */
  readonly resolved?: boolean;
}

function check(rule: LintRule, g: KnownGap): void {
  const options: LintOptions = { profile: 'aws-nfw', ...g.options };
  const lint = (t: string) => lintFile(parseRules(t), options, [rule]).filter((d) => d.ruleId === rule.meta.id);
  const ds = lint(g.code);
  const source = new SourceFile('test.rules', g.code);
  expect(ds.length, JSON.stringify(ds.map((d) => d.message))).toBe(g.errors.length);
  g.errors.forEach((e, i) => {
    const pos = source.positionAt(ds[i].range.start);
    if (e.line !== undefined) expect(pos.line).toBe(e.line);
    if (e.column !== undefined) expect(pos.column).toBe(e.column);
    if (e.message !== undefined) expect(ds[i].message).toContain(e.message);
    if (e.severity !== undefined) expect(ds[i].severity).toBe(e.severity);
  });
  if (g.output !== undefined) expect(fixWith(g.code, lint).output).toBe(g.output === null ? g.code : g.output);
}

/** Registers the known gaps of one lint rule as `it.fails` tests, each named with its reason. */
export function runKnownGaps(rule: LintRule, gaps: readonly KnownGap[]): void {
  describe(`${rule.meta.id}: known gaps (it.fails until the rule is fixed; then move the case to the table)`, () => {
    // KNOWN_GAPS=show runs them as plain tests, to see how each one fails today.
    const run = process.env.KNOWN_GAPS === 'show' ? it : it.fails;
    for (const g of gaps) (g.resolved ? it : run)(`${g.resolved ? 'fixed gap (regression): ' : ''}${g.name}: ${g.why}`, () => check(rule, g));
  });
}
