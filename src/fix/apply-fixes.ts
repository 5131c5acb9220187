import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applicabilityAtLeast, type Applicability } from './fix.js';
import type { Edit } from './edit.js';

export interface ApplyFixesResult {
  readonly output: string;
  /** Diagnostics whose fix was applied. */
  readonly applied: Diagnostic[];
}

/**
 * Applies the fixes of `diagnostics` whose applicability is at least `threshold`. Fixes are taken in
 * order of their first edit; a fix whose edits overlap or touch an already applied edit is skipped
 * (it stays a diagnostic and may apply on the next pass). Each fix is all-or-nothing.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], threshold: Applicability = 'safe'): ApplyFixesResult {
  const candidates = diagnostics
    .filter((d) => d.fix && d.fix.edits.length > 0 && d.fix.applicability !== 'display-only' && applicabilityAtLeast(d.fix.applicability, threshold))
    .sort((a, b) => a.fix!.edits[0].range.start - b.fix!.edits[0].range.start || a.fix!.edits[0].range.end - b.fix!.edits[0].range.end);
  const taken: Edit[] = [];
  const applied: Diagnostic[] = [];
  for (const d of candidates) {
    const edits = d.fix!.edits;
    if (edits.some((e) => e.range.start < 0 || e.range.end > text.length || e.range.end < e.range.start)) continue;
    if (!internallyDisjoint(edits)) continue;
    if (edits.some((e) => taken.some((t) => conflicts(e, t)))) continue;
    taken.push(...edits);
    applied.push(d);
  }
  taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.range.start) + e.text;
    pos = e.range.end;
  }
  out += text.slice(pos);
  return { output: out, applied };
}

function internallyDisjoint(edits: readonly Edit[]): boolean {
  for (let i = 1; i < edits.length; i++) if (edits[i].range.start < edits[i - 1].range.end) return false;
  return true;
}

/** Edits conflict when they overlap or touch (ESLint and ruff skip touching fixes too; the next pass applies them). */
function conflicts(a: Edit, b: Edit): boolean {
  return a.range.start <= b.range.end && b.range.start <= a.range.end;
}
