/*
 * Line starts of the last text asked about. Duplicate-sid messages name the line of an earlier rule,
 * once per duplicate: scanning from offset 0 each time was quadratic on files full of duplicates.
 * One cached index (the same text is asked about many times in a row), found by binary search.
 */
let cachedText: string | undefined;
let cachedStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (cachedText === text) return cachedStarts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  cachedText = text;
  cachedStarts = starts;
  return starts;
}

/** 1-based line of an offset (for messages that point at another rule). */
export function lineOf(text: string, offset: number): number {
  const starts = lineStarts(text);
  const o = Math.min(offset, text.length);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
