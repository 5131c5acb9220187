import type { SeveritySetting } from '../diagnostics/severity.js';
import type { FixCeiling, LintRule, LintRuleMeta } from '../linter/lint-rule.js';
import type { ProfileName } from '../linter/lint-options.js';
import { ALL_LINT_RULES } from '../rules/index.js';

export const PROFILE_NAMES: readonly ProfileName[] = ['aws-nfw', 'suricata'];

/** One line of the profile table: a lint rule and its default severity in each profile. */
export interface ProfileRow {
  readonly id: string;
  readonly category: LintRuleMeta['category'];
  readonly severity: Readonly<Record<ProfileName, SeveritySetting>>;
  readonly fix: FixCeiling;
  readonly summary: string;
}

/**
 * Rule ids in code-unit order. Ids are lower-case ASCII kebab-case, for which this is the order
 * `localeCompare` gives, without initialising ICU collation at module load (10-15 ms of start-up).
 */
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The profile table, built from the rule registry (each rule's meta is the single source). Sorted by id. */
export function profileTable(rules: readonly LintRule[] = ALL_LINT_RULES): ProfileRow[] {
  return rules
    .map((r) => ({ id: r.meta.id, category: r.meta.category, severity: r.meta.severity, fix: r.meta.fix, summary: r.meta.docs.summary }))
    .sort(byId);
}

/** Profile -> rule id -> default severity (`off` = not run). */
export const PROFILES: Readonly<Record<ProfileName, Readonly<Record<string, SeveritySetting>>>> = Object.freeze(
  Object.fromEntries(PROFILE_NAMES.map((p) => [p, Object.freeze(Object.fromEntries(profileTable().map((row) => [row.id, row.severity[p]])))])) as Record<
    ProfileName,
    Record<string, SeveritySetting>
  >,
);

/** Every registered rule id, sorted. */
export function ruleIds(rules: readonly LintRule[] = ALL_LINT_RULES): string[] {
  return rules.map((r) => r.meta.id).sort();
}

/** The severity a rule runs at: an explicit override, else the profile default; undefined for an unknown id. */
export function effectiveSeverity(id: string, profile: ProfileName, overrides: Readonly<Record<string, SeveritySetting>> = {}): SeveritySetting | undefined {
  return overrides[id] ?? PROFILES[profile][id];
}
