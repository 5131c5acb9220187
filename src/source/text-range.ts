/** A half-open range `[start, end)` of UTF-16 code-unit offsets into a source text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function range(start: number, end: number): TextRange {
  return { start, end };
}

export function rangeLength(r: TextRange): number {
  return r.end - r.start;
}

export function rangesOverlap(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function rangeContains(outer: TextRange, inner: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
