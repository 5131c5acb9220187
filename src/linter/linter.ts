import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Severity } from '../diagnostics/severity.js';
import { applicabilityAtLeast, type Fix } from '../fix/fix.js';
import { parseRules } from '../syntax/parse.js';
import type { RuleStatement, RulesFile } from '../syntax/tree.js';
import { resolveLintOptions, type LintOptions, type ResolvedLintOptions } from './lint-options.js';
import type { FixCeiling, LintRule, ReportDescriptor, RuleContext } from './lint-rule.js';
import { applySuppressions } from './suppressions.js';
import { ALL_LINT_RULES } from '../rules/index.js';

/** Rule statements a run checks: what Suricata loads, plus indented rules where the host trims them (AWS). */
export function checkedRules(file: RulesFile, options: ResolvedLintOptions): RuleStatement[] {
  const out: RuleStatement[] = [];
  for (const s of file.statements) {
    if (s.kind !== 'rule') continue;
    if (s.layout === 'active' || (s.layout === 'indented' && options.profile === 'aws-nfw')) out.push(s);
  }
  return out;
}

function capFix(fix: Fix | undefined, ceiling: FixCeiling): Fix | undefined {
  if (!fix || ceiling === 'none') return undefined;
  if (ceiling === 'safe' || applicabilityAtLeast(ceiling, fix.applicability)) return fix;
  return { ...fix, applicability: ceiling };
}

interface ActiveRule {
  readonly lintRule: LintRule;
  readonly ctx: RuleContext;
  /** Set when the lint rule threw: it is not called again in this run. */
  crash?: Diagnostic;
}

function crashDiagnostic(id: string, e: unknown): Diagnostic {
  return {
    ruleId: 'internal-error',
    severity: 'error',
    message: `lint rule '${id}' crashed: ${e instanceof Error ? e.message : String(e)}. This is a bug in suricata-lint; please report it with the rule text.`,
    range: { start: 0, end: 0 },
  };
}

/**
 * Lints a parsed file. Pure: no I/O. A crashing lint rule becomes an `internal-error` diagnostic and
 * is not called again. Rule statements are the outer loop (each statement is visited once by every
 * lint rule while it is in cache, and per-statement analyses are reused from one lint rule to the next);
 * `checkFile` hooks run afterwards, in registry order.
 */
export function lintFile(file: RulesFile, options: LintOptions = {}, lintRules: readonly LintRule[] = ALL_LINT_RULES): Diagnostic[] {
  const resolved = resolveLintOptions(options);
  const rules = checkedRules(file, resolved);
  const diagnostics: Diagnostic[] = [];
  const active: ActiveRule[] = [];
  for (const lintRule of lintRules) {
    const { meta } = lintRule;
    const configured = resolved.rules[meta.id];
    const setting = configured ?? meta.severity[resolved.profile];
    if (setting === 'off') continue;
    const base: Severity = setting;
    const ctx: RuleContext = {
      file,
      options: resolved,
      severity: base,
      rules,
      report(d: ReportDescriptor) {
        diagnostics.push({
          ruleId: meta.id,
          severity: configured !== undefined ? base : (d.severity ?? base),
          message: d.message,
          range: d.range,
          hint: d.hint,
          fix: capFix(d.fix, meta.fix),
          suggestions: d.suggestions,
        });
      },
    };
    active.push({ lintRule, ctx });
  }
  const perRule = active.filter((a) => a.lintRule.checkRule);
  for (const r of rules) {
    for (let i = 0; i < perRule.length; i++) {
      const a = perRule[i];
      if (a.crash) continue;
      try {
        a.lintRule.checkRule!(r, a.ctx);
      } catch (e) {
        a.crash = crashDiagnostic(a.lintRule.meta.id, e);
      }
    }
  }
  for (const a of active) {
    if (a.crash || !a.lintRule.checkFile) continue;
    try {
      a.lintRule.checkFile(file, a.ctx);
    } catch (e) {
      a.crash = crashDiagnostic(a.lintRule.meta.id, e);
    }
  }
  for (const a of active) if (a.crash) diagnostics.push(a.crash);
  const kept = applySuppressions(file, diagnostics, resolved);
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return kept;
}

/** Parses and lints a rules text. */
export function lintText(text: string, options: LintOptions = {}): Diagnostic[] {
  return lintFile(parseRules(text), options);
}
