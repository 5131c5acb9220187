import { summarize, type LintReport } from '../linter/lint-report.js';

/** How many findings `--fix` would fix, how many need `--unsafe-fixes`, and how many fixes were applied. */
export interface FixCounts {
  readonly safe: number;
  readonly unsafe: number;
  readonly applied: number;
  readonly filesFixed: number;
}

export function countFixes(report: LintReport): FixCounts {
  const s = summarize(report);
  return { safe: s.fixableSafe, unsafe: s.fixableUnsafe, applied: s.fixesApplied, filesFixed: s.filesFixed };
}

/** "1 error" / "2 errors". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
