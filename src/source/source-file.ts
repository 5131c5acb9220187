import type { TextRange } from './text-range.js';

/** 1-based line and column (column counts UTF-16 code units, as editors and SARIF do). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * A text with a lazily built line index. Offsets are the currency everywhere else;
 * line/column are computed only here, at the edge (formatters, JSON output).
 */
export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  private getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }

  /** Converts an offset to a 1-based line and column. Offsets past the end clamp to the end. A leading BOM is not counted. */
  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // A UTF-8 byte order mark is no character of line 1: columns never count it (editors hide it).
    const bom = lo === 0 && o > 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { line: lo + 1, column: o - starts[lo] + 1 - bom };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    const starts = this.getLineStarts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  }

  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = this.lineStart(line);
    const next = line < starts.length ? starts[line] : this.text.length;
    let end = next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  get lineCount(): number {
    return this.getLineStarts().length;
  }

  slice(r: TextRange): string {
    return this.text.slice(r.start, r.end);
  }
}
