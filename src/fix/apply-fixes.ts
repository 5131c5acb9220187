import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applicabilityAtLeast, type Applicability } from '../source/fix.js';
import type { Edit } from '../source/edit.js';

export interface ApplyFixesResult {
  readonly output: string;
  /** Diagnostics whose fix was applied. */
  readonly applied: Diagnostic[];
}

/**
 * Applies the fixes of `diagnostics` whose applicability is at least `threshold`. Fixes are taken in
 * order of their first edit; a fix that starts at or before the end of the last applied fix (it
 * overlaps or touches it) is skipped: it stays a diagnostic and may apply on the next pass (ESLint's
 * and ruff's rule). Each fix is all-or-nothing. Linear in the number of fixes after the sort.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], threshold: Applicability = 'safe'): ApplyFixesResult {
  const candidates = diagnostics
    .filter((d) => d.fix && d.fix.edits.length > 0 && d.fix.applicability !== 'display-only' && applicabilityAtLeast(d.fix.applicability, threshold))
    .sort((a, b) => a.fix!.edits[0].range.start - b.fix!.edits[0].range.start || a.fix!.edits[0].range.end - b.fix!.edits[0].range.end);
  const applied: Diagnostic[] = [];
  const parts: string[] = [];
  let pos = 0;
  let lastEnd = -1;
  for (const d of candidates) {
    const edits = d.fix!.edits;
    if (!inBoundsAndDisjoint(edits, text.length)) continue;
    if (edits[0].range.start <= lastEnd) continue;
    for (const e of edits) {
      parts.push(text.slice(pos, e.range.start), e.text);
      pos = e.range.end;
    }
    lastEnd = edits[edits.length - 1].range.end;
    applied.push(d);
  }
  if (applied.length === 0) return { output: text, applied };
  parts.push(text.slice(pos));
  return { output: parts.join(''), applied };
}

/** Every edit is inside the text and starts at or after the end of the one before. */
function inBoundsAndDisjoint(edits: readonly Edit[], length: number): boolean {
  let prevEnd = 0;
  for (let i = 0; i < edits.length; i++) {
    const r = edits[i].range;
    if (r.start < 0 || r.end > length || r.end < r.start) return false;
    if (i > 0 && r.start < prevEnd) return false;
    prevEnd = r.end;
  }
  return true;
}
