import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { fixWith } from '../../src/fix/fix-loop.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import type { LintRule } from '../../src/linter/lint-rule.js';
import { lintFile } from '../../src/linter/linter.js';
import { SourceFile } from '../../src/source/source-file.js';
import { parseRules } from '../../src/syntax/parse.js';

export interface ExpectedDiagnostic {
  /** Defaults to the rule under test. */
  readonly ruleId?: string;
  readonly line?: number;
  readonly column?: number;
  /** A fragment the message must contain. */
  readonly message?: string;
  readonly severity?: 'info' | 'warning' | 'error';
}

export interface ValidCase {
  readonly code: string;
  readonly options?: LintOptions;
  readonly name?: string;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedDiagnostic[];
  /** Text after applying fixes (safe ones, or unsafe too when `unsafe`); `null`: the fixes change nothing. */
  readonly output?: string | null;
  readonly unsafe?: boolean;
}

export interface RuleTests {
  readonly valid: readonly (string | ValidCase)[];
  readonly invalid: readonly InvalidCase[];
}

/** The default options for a rule: the first profile in which it runs. */
function defaultOptions(rule: LintRule): LintOptions {
  const s = rule.meta.severity;
  if (s['aws-nfw'] !== 'off') return { profile: 'aws-nfw' };
  if (s['aws-nfw-firewall'] && s['aws-nfw-firewall'] !== 'off') return { profile: 'aws-nfw-firewall' };
  if (s.suricata !== 'off') return { profile: 'suricata' };
  return { profile: 'aws-nfw', rules: { [rule.meta.id]: 'warning' } };
}

function lintWith(rule: LintRule, code: string, options: LintOptions): Diagnostic[] {
  return lintFile(parseRules(code), options, [rule]);
}

function parseErrorCount(text: string): number {
  let n = 0;
  for (const s of parseRules(text).statements) if (s.kind === 'rule' && s.layout !== 'disabled') n += s.errors.filter((e) => !e.requiresSuricata8).length;
  return n;
}

/** ESLint-style table test for one lint rule: diagnostics, positions, messages and fixed output. */
export function runRuleTests(rule: LintRule, tests: RuleTests): void {
  const id = rule.meta.id;
  describe(id, () => {
    describe('valid', () => {
      for (const v of tests.valid) {
        const c: ValidCase = typeof v === 'string' ? { code: v } : v;
        it(c.name ?? c.code, () => {
          const ds = lintWith(rule, c.code, { ...defaultOptions(rule), ...c.options }).filter((d) => d.ruleId === id);
          expect(ds.map((d) => d.message)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tests.invalid) {
        it(c.name ?? c.code, () => {
          const options = { ...defaultOptions(rule), ...c.options };
          const ds = lintWith(rule, c.code, options).filter((d) => d.ruleId === id || c.errors.some((e) => e.ruleId === d.ruleId));
          const source = new SourceFile('test.rules', c.code);
          const got = ds.map((d) => ({ d, pos: source.positionAt(d.range.start) }));
          expect(got.length, `diagnostics: ${JSON.stringify(ds.map((d) => d.message))}`).toBe(c.errors.length);
          c.errors.forEach((e, i) => {
            const { d, pos } = got[i];
            expect(d.ruleId).toBe(e.ruleId ?? id);
            if (e.line !== undefined) expect(pos.line, d.message).toBe(e.line);
            if (e.column !== undefined) expect(pos.column, d.message).toBe(e.column);
            if (e.message !== undefined) expect(d.message).toContain(e.message);
            if (e.severity !== undefined) expect(d.severity).toBe(e.severity);
            expect(d.range.end).toBeGreaterThanOrEqual(d.range.start);
          });
          if (c.output !== undefined) {
            const threshold = c.unsafe ? 'unsafe' : 'safe';
            const lint = (t: string) => lintWith(rule, t, options);
            const fixed = fixWith(c.code, lint, threshold);
            expect(fixed.reverted).toBeUndefined();
            const expected = c.output === null ? c.code : c.output;
            expect(fixed.output).toBe(expected);
            if (c.output !== null) {
              expect(parseErrorCount(fixed.output)).toBeLessThanOrEqual(parseErrorCount(c.code));
              expect(fixWith(fixed.output, lint, threshold).output).toBe(fixed.output);
            }
          }
        });
      }
    });
  });
}

/** 1-based column of the first occurrence of `fragment` in the first line of `code` that has it. */
export function col(code: string, fragment: string, nth = 1): number {
  let from = -1;
  for (let i = 0; i < nth; i++) from = code.indexOf(fragment, from + 1);
  if (from < 0) throw new Error(`'${fragment}' not in test code`);
  return from - code.lastIndexOf('\n', from - 1);
}
