import type { SeveritySetting } from '../diagnostics/severity.js';
import type { Fix } from '../fix/fix.js';
import type { TextRange } from '../source/text-range.js';
import type { RuleStatement, RulesFile } from '../syntax/tree.js';
import type { ProfileName, ResolvedLintOptions } from './lint-options.js';

/** The strongest fix a lint rule may offer (checked when it reports). */
export type FixCeiling = 'none' | 'display-only' | 'unsafe' | 'safe';

export interface LintRuleDocs {
  /** One line: what it finds. */
  readonly summary: string;
  /** Why it matters (the mechanism), in a short paragraph. */
  readonly rationale: string;
  /** A rule text that triggers it. */
  readonly badExample?: string;
  /** The same rule, corrected. */
  readonly goodExample?: string;
  /** When the fix is applied automatically and when not. */
  readonly fixSafety?: string;
}

export interface LintRuleMeta {
  /** Stable kebab-case id, never reused. */
  readonly id: string;
  readonly category: 'syntax' | 'tls' | 'aws' | 'hygiene' | 'engine';
  /** Severity per profile; `off` means not run. */
  readonly severity: Readonly<Record<ProfileName, SeveritySetting>>;
  readonly fix: FixCeiling;
  readonly docs: LintRuleDocs;
}

export interface ReportDescriptor {
  readonly range: TextRange;
  readonly message: string;
  readonly hint?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  /** Override the configured severity for this one report (e.g. error on drop, warning on pass). */
  readonly severity?: 'info' | 'warning' | 'error';
}

/** What a lint rule sees: the parsed file, resolved options, and a way to report. */
export interface RuleContext {
  readonly file: RulesFile;
  readonly options: ResolvedLintOptions;
  /** The severity configured for this rule in this run (never `off` while the rule runs). */
  readonly severity: 'info' | 'warning' | 'error';
  /** Active rule statements in file order (what Suricata would load). */
  readonly rules: readonly RuleStatement[];
  report(descriptor: ReportDescriptor): void;
}

/** A check. Implement `checkRule` (per statement), `checkFile` (across statements), or both. */
export interface LintRule {
  readonly meta: LintRuleMeta;
  checkRule?(rule: RuleStatement, ctx: RuleContext): void;
  checkFile?(file: RulesFile, ctx: RuleContext): void;
}

export function defineLintRule(rule: LintRule): LintRule {
  return rule;
}
