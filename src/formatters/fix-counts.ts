import type { LintReport } from '../linter/lint-report.js';

/** How many findings `--fix` would fix, how many need `--unsafe-fixes`, and how many fixes were applied. */
export interface FixCounts {
  readonly safe: number;
  readonly unsafe: number;
  readonly applied: number;
  readonly filesFixed: number;
}

export function countFixes(report: LintReport): FixCounts {
  let safe = 0;
  let unsafe = 0;
  let applied = 0;
  let filesFixed = 0;
  for (const f of report.files) {
    if (f.fixesApplied) {
      applied += f.fixesApplied;
      filesFixed++;
    }
    for (const d of f.diagnostics) {
      if (d.fix?.applicability === 'safe') safe++;
      else if (d.fix?.applicability === 'unsafe') unsafe++;
    }
  }
  return { safe, unsafe, applied, filesFixed };
}

/** "1 error" / "2 errors". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
