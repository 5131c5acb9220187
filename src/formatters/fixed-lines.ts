import type { Fix } from '../source/fix.js';
import type { SourceFile } from '../source/source-file.js';

/** The whole lines a fix touches, before and after applying it. */
export interface FixedLines {
  readonly startLine: number;
  readonly endLine: number;
  /** The original lines, without the final line terminator. */
  readonly before: string;
  /** The same lines with the fix applied (what a GitHub ```suggestion block contains). */
  readonly after: string;
}

/**
 * Applies a fix's edits to the lines they touch. Returns `undefined` when the fix has no edits or its
 * edits overlap (they never should: `Fix` sorts them and rules emit disjoint edits).
 */
export function fixedLines(src: SourceFile, fix: Pick<Fix, 'edits'>): FixedLines | undefined {
  if (fix.edits.length === 0) return undefined;
  const first = fix.edits[0].range.start;
  const last = Math.max(...fix.edits.map((e) => e.range.end));
  const startLine = src.positionAt(first).line;
  const endLine = src.positionAt(last).line;
  const from = src.lineStart(startLine);
  const to = from + linesLength(src, startLine, endLine);
  let after = '';
  let at = from;
  for (const e of fix.edits) {
    if (e.range.start < at || e.range.end > to) return undefined;
    after += src.text.slice(at, e.range.start) + e.text;
    at = e.range.end;
  }
  after += src.text.slice(at, to);
  return { startLine, endLine, before: src.text.slice(from, to), after };
}

/** Length of lines `[startLine, endLine]` without the last line's terminator. */
function linesLength(src: SourceFile, startLine: number, endLine: number): number {
  const from = src.lineStart(startLine);
  return src.lineStart(endLine) - from + src.lineText(endLine).length;
}
