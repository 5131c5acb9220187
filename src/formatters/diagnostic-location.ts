import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { TextRange } from '../source/text-range.js';

/** A range as 1-based lines and columns; `endColumn` is exclusive (the column after the last character), as in SARIF. */
export interface LineColumnRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function rangeLocation(src: SourceFile, range: TextRange): LineColumnRange {
  const s = src.positionAt(range.start);
  const e = src.positionAt(range.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

export function diagnosticLocation(src: SourceFile, d: Diagnostic): LineColumnRange {
  return rangeLocation(src, d.range);
}

/**
 * Path as shown in machine formats: `/` separators, no leading `./`. Absolute paths stay absolute.
 */
export function reportPath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}
