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

/** Lints a parsed file. Pure: no I/O. A crashing lint rule becomes an `internal-error` diagnostic. */
export function lintFile(file: RulesFile, options: LintOptions = {}, lintRules: readonly LintRule[] = ALL_LINT_RULES): Diagnostic[] {
  const resolved = resolveLintOptions(options);
  const rules = checkedRules(file, resolved);
  const diagnostics: Diagnostic[] = [];
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
    try {
      if (lintRule.checkRule) for (const r of rules) lintRule.checkRule(r, ctx);
      if (lintRule.checkFile) lintRule.checkFile(file, ctx);
    } catch (e) {
      diagnostics.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `lint rule '${meta.id}' crashed: ${e instanceof Error ? e.message : String(e)}. This is a bug in suricata-lint; please report it with the rule text.`,
        range: { start: 0, end: 0 },
      });
    }
  }
  const kept = applySuppressions(file, diagnostics, resolved);
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return kept;
}

/** Parses and lints a rules text. */
export function lintText(text: string, options: LintOptions = {}): Diagnostic[] {
  return lintFile(parseRules(text), options);
}
