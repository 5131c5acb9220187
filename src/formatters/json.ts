import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Fix } from '../source/fix.js';
import type { FileReport, LintReport } from '../linter/lint-report.js';
import { summarize } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import { diagnosticLocation, rangeLocation } from './diagnostic-location.js';
import { countFixes } from './fix-counts.js';
import type { Formatter } from './formatter.js';

/**
 * The JSON output contract, version 1 (documented in docs/integrations.md, "JSON output").
 * Changes within a version only add optional fields; removing or renaming a field makes a new
 * version, shipped as a new format name (`json-v2`), while `json` keeps this shape until a
 * semver-major release.
 */
export const JSON_SCHEMA_VERSION = 1;

export interface JsonEdit {
  /** Offsets `[start, end)` into the file text, in UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

export interface JsonFix {
  readonly title: string;
  readonly applicability: Fix['applicability'];
  readonly edits: readonly JsonEdit[];
}

export interface JsonDiagnostic {
  readonly ruleId: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  /** 1-based; `endColumn` is exclusive. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly hint?: string;
  readonly fix?: JsonFix;
  readonly suggestions?: readonly JsonFix[];
  /** Other places the finding refers to ("first used here"; Suricata's confirmation with --engine). */
  readonly related?: readonly { readonly message: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number }[];
}

export interface JsonFileResult {
  readonly filePath: string;
  readonly diagnostics: readonly JsonDiagnostic[];
  /** Present after `--fix`: how many fixes were applied to the file. */
  readonly fixesApplied?: number;
  /** Present when the file was not linted: why (the same line as on stderr; the exit code is 2). */
  readonly refused?: string;
}

/** `--format json-v1`: the same file results in an envelope that names its version. */
export interface JsonReportV1 {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'suricata-lint'; readonly version: string };
  readonly summary: {
    readonly files: number;
    readonly filesWithProblems: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly fixableSafe: number;
    readonly fixableUnsafe: number;
  };
  readonly files: readonly JsonFileResult[];
}

function jsonFix(src: SourceFile, fix: Fix): JsonFix {
  return {
    title: fix.title,
    applicability: fix.applicability,
    edits: fix.edits.map((e) => ({ start: e.range.start, end: e.range.end, ...rangeLocation(src, e.range), text: e.text })),
  };
}

function jsonDiagnostic(src: SourceFile, d: Diagnostic): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    ...diagnosticLocation(src, d),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.fix ? { fix: jsonFix(src, d.fix) } : {}),
    ...(d.suggestions?.length ? { suggestions: d.suggestions.map((s) => jsonFix(src, s)) } : {}),
    ...(d.related?.length ? { related: d.related.map((r) => ({ message: r.message, ...rangeLocation(src, r.range) })) } : {}),
  };
}

export function jsonFileResults(report: LintReport): JsonFileResult[] {
  const refused: JsonFileResult[] = (report.refused ?? []).map((r) => ({ filePath: r.path, diagnostics: [], refused: r.reason }));
  return [...report.files.map((f: FileReport): JsonFileResult => {
    const src = new SourceFile(f.path, f.text);
    return {
      filePath: f.path,
      diagnostics: f.diagnostics.map((d) => jsonDiagnostic(src, d)),
      ...(f.fixesApplied !== undefined ? { fixesApplied: f.fixesApplied } : {}),
    };
  }), ...refused];
}

/**
 * `--format json`: an array of `{ filePath, diagnostics: [{ ruleId, severity, message, line, column,
 * endLine, endColumn, hint?, fix?, suggestions?, related? }], fixesApplied? }` (schema version 1). Fix edits carry
 * offsets and line/column so tools can apply them without re-reading the file.
 */
export const formatJson: Formatter = (report) => `${JSON.stringify(jsonFileResults(report), null, 2)}\n`;

/** `--format json-v1`: `{ schemaVersion: 1, tool, summary, files }` where `files` is exactly the `json` array. */
export const formatJsonV1: Formatter = (report) => {
  const s = summarize(report);
  const fixes = countFixes(report);
  const out: JsonReportV1 = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'suricata-lint', version: report.toolVersion },
    summary: {
      files: s.files,
      filesWithProblems: s.filesWithProblems,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      fixableSafe: fixes.safe,
      fixableUnsafe: fixes.unsafe,
    },
    files: jsonFileResults(report),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
