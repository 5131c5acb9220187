/** Types of scripts/mutation-score.mjs (see there). */
export interface Mutant {
  readonly id: number;
  /** The mutation made, as `number-huge`, `sticky-after-content`, `pcre-no-delimiters`. */
  readonly op: string;
  /** The keyword whose option was mutated ('' for a whole-rule mutation). */
  readonly keyword: string;
  /** `file:line` of the corpus rule it was made from (relative to ../shared/corpora). */
  readonly source: string;
  readonly rule: string;
  /** Suricata 7.0.10's verdict; `skipped`: a `requires:` it does not meet. */
  readonly verdict: 'accepted' | 'rejected' | 'skipped' | 'unknown';
  /** Suricata's first error for a refused mutant. */
  readonly reason?: string;
}
export interface MutationScore {
  readonly total: number;
  readonly refused: number;
  readonly flagged: number;
  /** flagged / refused, 0..1. */
  readonly recall: number;
  readonly loaded: number;
  /** Loaded mutants with only errors of LOADS_BUT_BROKEN rules. */
  readonly intended: number;
  readonly falseErrors: readonly (Mutant & { readonly errors: readonly string[] })[];
  readonly missed: readonly Mutant[];
  /** Per operation: [refused, flagged, loaded, false errors]. */
  readonly byOp: ReadonlyMap<string, [number, number, number, number]>;
}
export const MUTANTS_FILE: string;
export const LOADS_BUT_BROKEN: ReadonlySet<string>;
export function readMutants(file?: string): Mutant[];
export function scoreMutants(mutants: readonly Mutant[], lintText: (text: string, options: { profile: 'suricata' }) => readonly { ruleId: string; severity: string; message: string }[]): MutationScore;
export function formatMutationScore(score: MutationScore, options?: { details?: number }): string;
