import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edit } from '../source/edit.js';
import type { SourceFile } from '../source/source-file.js';
import { fixedLines, type FixedLines } from './fixed-lines.js';

/** The one suggestion for a group of lines: every safe fix touching them, applied together. */
export interface LineSuggestion {
  /** The lines before and after all the group's fixes. */
  readonly fixed: FixedLines;
  /** The titles of the fixes it applies, in file order. */
  readonly titles: readonly string[];
  /** The finding that shows the suggestion (the first of the group in `order`). */
  readonly owner: Diagnostic;
}

/**
 * GitHub applies a ```suggestion block by replacing whole lines: two suggestions on one line conflict
 * (applying one discards the other). This groups the safe fixes of one file whose lines overlap and
 * combines each group into one suggestion, applying all its edits (a fix whose edits overlap an earlier
 * fix's is left out of the suggestion; `--fix` applies it on a later pass). `order` is the order the
 * findings are shown in: the first finding of a group shows the suggestion, the others refer to it.
 * Returns, per finding with a safe fix, the suggestion it belongs to. Pure.
 */
export function lineSuggestions(src: SourceFile, order: readonly Diagnostic[]): Map<Diagnostic, LineSuggestion> {
  const withFix = order
    .filter((d) => d.fix?.applicability === 'safe' && d.fix.edits.length > 0)
    .map((d) => {
      const edits = d.fix!.edits;
      return { d, edits, first: src.positionAt(edits[0].range.start).line, last: src.positionAt(Math.max(...edits.map((e) => e.range.end))).line };
    })
    .sort((a, b) => a.first - b.first || a.edits[0].range.start - b.edits[0].range.start);
  const groups: (typeof withFix)[] = [];
  let end = -1;
  for (const f of withFix) {
    if (groups.length && f.first <= end) groups[groups.length - 1].push(f);
    else groups.push([f]);
    end = Math.max(end, f.last);
  }
  const shownAt = new Map(order.map((d, i) => [d, i]));
  const out = new Map<Diagnostic, LineSuggestion>();
  for (const group of groups) {
    const accepted: Edit[] = [];
    const titles: string[] = [];
    const members: Diagnostic[] = [];
    for (const f of group) {
      if (f.edits.some((e) => accepted.some((a) => e.range.start < a.range.end && a.range.start < e.range.end && !(e.range.start === e.range.end && a.range.start === a.range.end)))) continue;
      accepted.push(...f.edits);
      titles.push(f.d.fix!.title);
      members.push(f.d);
    }
    accepted.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    const fixed = fixedLines(src, { edits: accepted });
    if (!fixed) continue;
    const owner = members.reduce((a, b) => ((shownAt.get(b) ?? 0) < (shownAt.get(a) ?? 0) ? b : a));
    for (const d of members) out.set(d, { fixed, titles, owner });
  }
  return out;
}
