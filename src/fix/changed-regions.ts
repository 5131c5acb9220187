import type { Edit } from '../source/edit.js';

/**
 * One place where a fixed text differs from the text it was fixed from: the original's
 * `[aStart, aEnd)` became the fixed text's `[bStart, bEnd)` (UTF-16 offsets). Outside the regions the
 * two texts are identical, shifted by the length changes of the regions before. Regions are kept
 * sorted, disjoint and not touching.
 */
export interface ChangedRegion {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * The regions after one more round of edits: `regions` relate the original to the current text,
 * `edits` (sorted, disjoint, in offsets of the current text, as `applyFixes` applies them) turn the
 * current text into the next; the result relates the original to the next text. Regions and edits
 * that overlap or touch merge into one region. Linear in `regions.length + edits.length`; this is
 * what lets `--diff` render the hunks of a fix in time linear in the file (no text diff).
 */
export function composeRegions(regions: readonly ChangedRegion[], edits: readonly Edit[]): ChangedRegion[] {
  const out: ChangedRegion[] = [];
  let i = 0;
  let j = 0;
  /** Length change (current - original) of the regions before the group being built. */
  let deltaBefore = 0;
  /** Length change (next - current) of this round's edits before the group being built. */
  let shiftBefore = 0;
  while (i < regions.length || j < edits.length) {
    // The group starts at the earlier of the next region and the next edit (current offsets).
    const startsWithRegion = j >= edits.length || (i < regions.length && regions[i].bStart <= edits[j].range.start);
    let curStart = startsWithRegion ? regions[i].bStart : edits[j].range.start;
    let curEnd = curStart;
    let regionDelta = 0;
    let editShift = 0;
    for (;;) {
      if (i < regions.length && regions[i].bStart <= curEnd) {
        const r = regions[i++];
        curStart = Math.min(curStart, r.bStart);
        curEnd = Math.max(curEnd, r.bEnd);
        regionDelta += r.bEnd - r.bStart - (r.aEnd - r.aStart);
      } else if (j < edits.length && edits[j].range.start <= curEnd) {
        const e = edits[j++];
        curEnd = Math.max(curEnd, e.range.end);
        editShift += e.text.length - (e.range.end - e.range.start);
      } else break;
    }
    const aStart = curStart - deltaBefore;
    const aEnd = curEnd - deltaBefore - regionDelta;
    const bStart = curStart + shiftBefore;
    const bEnd = curEnd + shiftBefore + editShift;
    deltaBefore += regionDelta;
    shiftBefore += editShift;
    // A replacement by identical text leaves nothing changed.
    if (aStart === aEnd && bStart === bEnd) continue;
    out.push({ aStart, aEnd, bStart, bEnd });
  }
  return out;
}
