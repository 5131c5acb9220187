import type { LintReport } from '../linter/lint-report.js';

export interface FormatContext {
  /** Emit ANSI colours (text format only). */
  readonly color: boolean;
  /** Link target for markdown: repository web URL and commit SHA. */
  readonly repoUrl?: string;
  readonly sha?: string;
  /** Warnings limit from --max-warnings, for summaries. */
  readonly maxWarnings?: number;
}

/** A formatter is a pure function of the report. */
export type Formatter = (report: LintReport, ctx: FormatContext) => string;
