import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintRuleMeta } from './lint-rule.js';

/** The findings for one input file, in offsets of that file's text (the host file for IaC inputs). */
export interface FileReport {
  /** Path as given on the command line (or `--stdin-filename`), with `/` separators. */
  readonly path: string;
  /** The file's text as read (before fixes). */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The fixed text, when fixes were applied (`--fix`, `--diff`). */
  readonly output?: string;
  /** Number of fixes applied to produce `output`. */
  readonly fixesApplied?: number;
}

/** Everything a formatter needs: pure data, so formatters are pure functions of it. */
export interface LintReport {
  readonly files: readonly FileReport[];
  /** Metadata of every registered lint rule (SARIF `tool.driver.rules`, docs links). */
  readonly rules: readonly LintRuleMeta[];
  readonly toolVersion: string;
  /** Inputs that were not linted, with the one-line reason (not UTF-8, over a limit, unreadable). */
  readonly refused?: readonly { readonly path: string; readonly reason: string }[];
}

export interface ReportSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Findings with a fix `--fix` applies (safe) or one that needs `--unsafe-fixes`. */
  readonly fixable: number;
  readonly fixableSafe: number;
  readonly fixableUnsafe: number;
  /** Fixes applied to produce the files' `output`, and in how many files. */
  readonly fixesApplied: number;
  readonly filesFixed: number;
  readonly files: number;
  readonly filesWithProblems: number;
}

export function summarize(report: LintReport): ReportSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableSafe = 0;
  let fixableUnsafe = 0;
  let fixesApplied = 0;
  let filesFixed = 0;
  let filesWithProblems = 0;
  for (const f of report.files) {
    if (f.diagnostics.length) filesWithProblems++;
    if (f.fixesApplied) {
      fixesApplied += f.fixesApplied;
      filesFixed++;
    }
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      if (d.fix?.applicability === 'safe') fixableSafe++;
      else if (d.fix?.applicability === 'unsafe') fixableUnsafe++;
    }
  }
  return { errors, warnings, infos, fixable: fixableSafe + fixableUnsafe, fixableSafe, fixableUnsafe, fixesApplied, filesFixed, files: report.files.length, filesWithProblems };
}
