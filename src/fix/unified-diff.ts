import { diffLines } from 'diff';
import type { ChangedRegion } from './changed-regions.js';

/** Lines of unchanged context around each change, as `git diff` gives by default. */
const CONTEXT = 3;

/**
 * A git-apply compatible unified diff of one file (`a/` and `b/` prefixes, 3 lines of context).
 * Empty string when nothing changed.
 *
 * `changes` are the regions the fixer changed (`FixTextResult.changes`): the hunks are built from them
 * in time linear in the file, whatever its size (the CLI's `--diff`). Without them the regions come
 * from a line diff of the two texts (the `diff` package's Myers diff: fine for small texts, worse than
 * quadratic on large ones with many changes), which is what library callers with two plain texts get.
 */
export function renderDiff(path: string, before: string, after: string, changes?: readonly ChangedRegion[]): string {
  if (before === after) return '';
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  const blocks = lineBlocks(before, after, changes ?? regionsFromLineDiff(before, after));
  if (blocks.length === 0) return '';
  return `diff --git a/${p} b/${p}\n--- a/${p}\n+++ b/${p}\n${renderHunks(before, after, blocks)}`;
}

/**
 * A changed block in line numbers (0-based, half-open): original lines `[a0, a1)` became fixed
 * lines `[b0, b1)`; the lines before a block are identical in both texts.
 */
interface LineBlock {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Offsets where each line starts; a final empty "line" after a trailing newline is not counted. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Number of lines of a text (a last line without a newline counts; an empty text has none). */
function lineCount(text: string, starts: number[]): number {
  return text.length === 0 ? 0 : starts.length;
}

/** The line holding offset `pos`; the end of a text that ends with a newline is the line after the last. */
function lineOf(text: string, starts: number[], pos: number): number {
  if (pos === text.length && (text.length === 0 || text.charCodeAt(pos - 1) === 10)) return lineCount(text, starts);
  return lineAt(starts, pos);
}

/** `pos` starts a line (or ends the text). */
function atLineBoundary(text: string, pos: number): boolean {
  return pos === 0 || pos === text.length || text.charCodeAt(pos - 1) === 10;
}

/** The line holding offset `pos` (binary search over line starts). */
function lineAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Widens each region to whole lines (the same unchanged characters are added on both sides, so the
 * texts still agree outside), merges blocks that now share lines, and drops identical leading and
 * trailing lines inside a block (a rewritten line that came out the same is not shown as changed).
 */
function lineBlocks(before: string, after: string, regions: readonly ChangedRegion[]): LineBlock[] {
  const aStarts = lineStarts(before);
  const bStarts = lineStarts(after);
  const aLines = lineCount(before, aStarts);
  const bLines = lineCount(after, bStarts);
  const blocks: LineBlock[] = [];
  for (const r of regions) {
    const a0 = lineOf(before, aStarts, r.aStart);
    const lead = r.aStart - (a0 < aStarts.length ? aStarts[a0] : before.length);
    const b0 = lineOf(after, bStarts, r.bStart - lead);
    // The end: when both sides end at a line boundary the block ends there; otherwise both take the
    // rest of the line, which is the same unchanged text on both sides.
    let a1: number;
    let b1: number;
    if (atLineBoundary(before, r.aEnd) && atLineBoundary(after, r.bEnd)) {
      a1 = r.aEnd === before.length ? aLines : lineAt(aStarts, r.aEnd);
      b1 = r.bEnd === after.length ? bLines : lineAt(bStarts, r.bEnd);
    } else {
      a1 = Math.min(aLines, lineAt(aStarts, r.aEnd) + 1);
      b1 = Math.min(bLines, lineAt(bStarts, r.bEnd) + 1);
    }
    const last = blocks[blocks.length - 1];
    if (last && a0 <= last.a1) {
      last.a1 = Math.max(last.a1, a1);
      last.b1 = Math.max(last.b1, b1);
    } else blocks.push({ a0, a1, b0, b1 });
  }
  const lineA = (k: number) => before.slice(aStarts[k], k + 1 < aStarts.length ? aStarts[k + 1] : before.length);
  const lineB = (k: number) => after.slice(bStarts[k], k + 1 < bStarts.length ? bStarts[k + 1] : after.length);
  const kept: LineBlock[] = [];
  for (const blk of blocks) {
    while (blk.a0 < blk.a1 && blk.b0 < blk.b1 && lineA(blk.a0) === lineB(blk.b0)) {
      blk.a0++;
      blk.b0++;
    }
    while (blk.a1 > blk.a0 && blk.b1 > blk.b0 && lineA(blk.a1 - 1) === lineB(blk.b1 - 1)) {
      blk.a1--;
      blk.b1--;
    }
    if (blk.a0 < blk.a1 || blk.b0 < blk.b1) kept.push(blk);
  }
  return kept;
}

/** Hunks with CONTEXT lines around each block; blocks closer than 2 x CONTEXT share a hunk. */
function renderHunks(before: string, after: string, blocks: readonly LineBlock[]): string {
  const aStarts = lineStarts(before);
  const bStarts = lineStarts(after);
  const aLines = lineCount(before, aStarts);
  const bLines = lineCount(after, bStarts);
  const line = (text: string, starts: number[], k: number): string => {
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    const s = text.slice(starts[k], end);
    return s.endsWith('\n') ? s : `${s}\n\\ No newline at end of file\n`;
  };
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    let j = i;
    while (j + 1 < blocks.length && blocks[j + 1].a0 - blocks[j].a1 <= 2 * CONTEXT) j++;
    const first = blocks[i];
    const lastBlk = blocks[j];
    const lead = Math.min(CONTEXT, first.a0);
    const trail = Math.min(CONTEXT, aLines - lastBlk.a1, bLines - lastBlk.b1);
    const aFrom = first.a0 - lead;
    const bFrom = first.b0 - lead;
    const aCount = lastBlk.a1 + trail - aFrom;
    const bCount = lastBlk.b1 + trail - bFrom;
    out.push(`@@ -${aCount === 0 ? aFrom : aFrom + 1},${aCount} +${bCount === 0 ? bFrom : bFrom + 1},${bCount} @@\n`);
    let a = aFrom;
    for (let k = i; k <= j; k++) {
      const blk = blocks[k];
      for (; a < blk.a0; a++) out.push(` ${line(before, aStarts, a)}`);
      for (let x = blk.a0; x < blk.a1; x++) out.push(`-${line(before, aStarts, x)}`);
      for (let x = blk.b0; x < blk.b1; x++) out.push(`+${line(after, bStarts, x)}`);
      a = blk.a1;
    }
    for (; a < lastBlk.a1 + trail; a++) out.push(` ${line(before, aStarts, a)}`);
    i = j + 1;
  }
  return out.join('');
}

/**
 * Changed regions from a Myers line diff of two texts (the `diff` package), for callers that do not
 * know which edits made one text from the other.
 */
function regionsFromLineDiff(before: string, after: string): ChangedRegion[] {
  const regions: ChangedRegion[] = [];
  let a = 0;
  let b = 0;
  for (const part of diffLines(before, after)) {
    const n = part.value.length;
    if (part.added || part.removed) {
      const last = regions[regions.length - 1];
      const aEnd = part.removed ? a + n : a;
      const bEnd = part.added ? b + n : b;
      if (last && last.aEnd === a && last.bEnd === b) regions[regions.length - 1] = { aStart: last.aStart, aEnd, bStart: last.bStart, bEnd };
      else regions.push({ aStart: a, aEnd, bStart: b, bEnd });
    }
    if (!part.added) a += n;
    if (!part.removed) b += n;
  }
  return regions;
}
