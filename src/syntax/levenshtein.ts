/** Edit distance (insert, delete, substitute, transpose), bounded: returns `max + 1` once over `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  let before = prev2;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** The closest candidate within `max` edits, if exactly one is closest. */
export function closestMatch(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), max);
    if (d < bestD) {
      bestD = d;
      best = c;
      tie = false;
    } else if (d === bestD && d <= max) tie = true;
  }
  return bestD <= max && !tie ? best : undefined;
}
