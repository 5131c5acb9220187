import type { RelatedLocation } from '../diagnostics/diagnostic.js';
import type { SeveritySetting } from '../diagnostics/severity.js';
import type { Fix } from '../source/fix.js';
import type { TextRange } from '../source/text-range.js';
import type { RuleStatement, Statement } from '../syntax/tree.js';
import type { DialectName } from '../dialects/dialect.js';
import type { ProfileName, ResolvedLintOptions } from './lint-options.js';
import type { RuleFacts } from './rule-facts.js';
import type { RunFacts } from './run-facts.js';

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

export interface LintRuleMeta<Id extends string = string> {
  /** Stable kebab-case id, never reused (the literal type feeds `RuleId`, the union of registered ids). */
  readonly id: Id;
  readonly category: 'syntax' | 'tls' | 'aws' | 'hygiene' | 'engine' | 'firewall';
  /**
   * Severity per classic profile, and optionally per dialect profile (src/dialects/dialect.ts; a dialect
   * not named here uses its base profile's, or `off` where the dialect lists the rule as not applying).
   * `off` means not run.
   */
  readonly severity: Readonly<Record<ProfileName, SeveritySetting>> & Readonly<Partial<Record<DialectName, SeveritySetting>>>;
  readonly fix: FixCeiling;
  readonly docs: LintRuleDocs;
}

/** What a lint rule reports: the finding without its rule id (the reporting rule's) and severity (the run's). */
export interface ReportDescriptor {
  readonly range: TextRange;
  readonly message: string;
  readonly hint?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  /** Other places the finding refers to ("first used here"), in offsets of the same text. */
  readonly related?: readonly RelatedLocation[];
  /**
   * This one finding's own severity (e.g. error on drop, warning on pass), used unless the run configures the
   * rule's severity (`--rule`, config `rules`), which always wins.
   */
  readonly severity?: 'info' | 'warning' | 'error';
}

/** What a lint rule sees: the rules text, resolved options, and a way to report. */
export interface RuleContext {
  /** The whole rules text; every range is an offset into it. */
  readonly text: string;
  readonly options: ResolvedLintOptions;
  /** The severity configured for this rule in this run (never `off` while the rule runs). */
  readonly severity: 'info' | 'warning' | 'error';
  /**
   * The checked rule statements (what Suricata would load) whose text contains `word` (ASCII
   * case-insensitive), in file order, for checks that must look ahead in the file. Statements are
   * parsed on demand and not kept by the linter: call it once per run and keep only what you need.
   */
  rulesMentioning(word: string): Iterable<RuleStatement>;
  /**
   * The 1-based line, as the user sees it, of an offset of `text`: for a message that names another
   * line. Inside a host file (a Terraform heredoc, a CloudFormation string) it is the host file's line.
   */
  lineOf(offset: number): number;
  /**
   * What is known about the whole run, shared by every lint rule: variables, and cross-rule indexes built
   * on first use (`run.flowbits`). Use it instead of caches of your own: lint rules keep no state.
   */
  readonly run: RunFacts;
  report(descriptor: ReportDescriptor): void;
}

/**
 * A check across statements, created once per file by `LintRule.checkFile`. The linter streams the
 * file through it in order and does not keep the statements: keep only what later statements need
 * (a sid and its range, not the rule).
 */
export interface FileCheck {
  /** Every checked rule statement (what Suricata would load), in file order, with its facts. */
  rule?(rule: RuleStatement, facts: RuleFacts): void;
  /** Every statement, in file order: rules of every layout, comments and blank lines. */
  statement?(statement: Statement): void;
  /** After the last statement. */
  end?(): void;
}

/**
 * A check. Implement `checkRule` (per statement), `checkFile` (across statements), or both. `facts` is
 * the statement's model (options with catalog entries, canonical names and buffers, contents, TLS
 * analysis, sid, header values), computed on first use and shared by every lint rule: read it rather
 * than recomputing, and keep no state between statements in the module.
 */
export interface LintRule<Id extends string = string> {
  readonly meta: LintRuleMeta<Id>;
  checkRule?(rule: RuleStatement, ctx: RuleContext, facts: RuleFacts): void;
  checkFile?(ctx: RuleContext): FileCheck;
}

/** Declares a lint rule; keeps its id's literal type, so the registry's ids form the `RuleId` union. */
export function defineLintRule<const Id extends string>(rule: LintRule<Id>): LintRule<Id> {
  return rule;
}
