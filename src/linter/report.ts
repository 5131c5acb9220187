import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { Severity, SeveritySetting } from '../diagnostics/severity.js';
import { applicabilityAtLeast, type Fix } from '../source/fix.js';
import { ALL_LINT_RULES, type RuleId } from '../rules/index.js';
import type { TextRange } from '../source/text-range.js';
import { resolveLintOptions, type LintOptions, type ResolvedLintOptions } from './lint-options.js';
import type { FixCeiling, LintRuleMeta } from './lint-rule.js';
import { dialectSeverity } from '../dialects/dialect.js';

/**
 * A finding as its producer sees it, before the run's settings apply: a lint rule (through
 * `RuleContext.report`), an input adapter (aws-rule-order-missing, host-parse-error, ...), the host
 * linter's notes (generated-rules-note, host-unresolved-template), the suppression pass
 * (unused-suppression), the engine (engine-error, engine-warning), the duplicate-sid index across files,
 * and the linter itself (internal-error). Every one of them becomes a `Diagnostic` only through `Reporter.report`.
 */
export interface Finding {
  readonly ruleId: RuleId;
  readonly range: TextRange;
  readonly message: string;
  readonly hint?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
  /**
   * This one finding's own severity (e.g. error on drop, warning on pass). Used unless the run configures the
   * rule (`--rule`, config `rules`); without either, the profile's table gives it.
   */
  readonly severity?: Severity;
}

/** `internal-error` is not a lint rule: always an error, never capped, never off. */
const INTERNAL_ERROR: LintRuleMeta = {
  id: 'internal-error',
  category: 'syntax',
  severity: { 'aws-nfw': 'error', suricata: 'error' },
  fix: 'none',
  docs: { summary: 'A lint rule crashed on this file', rationale: 'This is a bug in suricata-lint, not in your rules. Please report it with the rule text.' },
};

const REGISTRY: ReadonlyMap<string, LintRuleMeta> = new Map<string, LintRuleMeta>([...ALL_LINT_RULES.map((r): [string, LintRuleMeta] => [r.meta.id, r.meta]), ['internal-error', INTERNAL_ERROR]]);

/** The fix as the rule's ceiling allows it: dropped under `none`, lowered to the ceiling otherwise. */
export function capFix(fix: Fix | undefined, ceiling: FixCeiling): Fix | undefined {
  if (!fix || ceiling === 'none') return undefined;
  if (ceiling === 'safe' || applicabilityAtLeast(ceiling, fix.applicability)) return fix;
  return { ...fix, applicability: ceiling };
}

/**
 * The one reporting path of a lint run: every finding of every producer becomes a diagnostic here, or
 * nothing. It owns the severity (the run's `rules` setting — `--rule` over the config file — wins, then
 * the finding's own severity, then the profile's table; `off` drops the finding) and the fix ceiling of
 * the rule's metadata. Suppression comments are applied to the reported diagnostics by `Suppressions`,
 * which reports its own `unused-suppression` findings through the same reporter. Pure.
 */
export class Reporter {
  readonly options: ResolvedLintOptions;
  private readonly metas: ReadonlyMap<string, LintRuleMeta>;

  /**
   * @param options the run's options (resolved or not).
   * @param extra metadata of lint rules outside the registry (a caller's own rules); registered ids keep theirs unless overridden here.
   * @param text the rules text, so a classic profile can turn into the firewall profile by content (`resolveLintOptions`).
   */
  constructor(options: LintOptions | ResolvedLintOptions = {}, extra: readonly LintRuleMeta[] = [], text?: string) {
    this.options = resolveLintOptions(options, text);
    if (extra.length === 0) this.metas = REGISTRY;
    else {
      const m = new Map(REGISTRY);
      for (const meta of extra) m.set(meta.id, meta);
      this.metas = m;
    }
  }

  /** The metadata of a rule id (undefined for an id nobody registered). */
  meta(ruleId: string): LintRuleMeta | undefined {
    return this.metas.get(ruleId);
  }

  /** The rule's setting in this run: the configured one (`--rule`, config), else the profile's table; `off` for an unknown id. */
  setting(ruleId: string): SeveritySetting {
    if (ruleId === 'internal-error') return 'error';
    const meta = this.metas.get(ruleId);
    return this.options.rules[ruleId] ?? (meta ? dialectSeverity(ruleId, meta.severity, this.options.dialect) : 'off');
  }

  /** Whether findings of this rule are reported in this run (producers skip the work when not). */
  isOn(ruleId: string): boolean {
    return this.setting(ruleId) !== 'off';
  }

  /** The diagnostic for a finding, or undefined when its rule is off in this run. */
  report(f: Finding): Diagnostic | undefined {
    const setting = this.setting(f.ruleId);
    if (setting === 'off') return undefined;
    const configured = f.ruleId !== 'internal-error' && this.options.rules[f.ruleId] !== undefined;
    const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
      ruleId: f.ruleId,
      severity: configured ? setting : (f.severity ?? setting),
      message: f.message,
      range: f.range,
      hint: f.hint,
      fix: capFix(f.fix, this.metas.get(f.ruleId)?.fix ?? 'none'),
      suggestions: f.suggestions,
    };
    if (f.related?.length) d.related = f.related;
    return d;
  }

  /** Reports every finding, keeping the diagnostics of rules that are on. */
  reportAll(findings: Iterable<Finding>): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const f of findings) {
      const d = this.report(f);
      if (d) out.push(d);
    }
    return out;
  }
}
