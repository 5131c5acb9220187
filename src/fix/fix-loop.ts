import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintOptions } from '../linter/lint-options.js';
import { lintText } from '../linter/linter.js';
import { applyFixes } from './apply-fixes.js';
import type { Applicability } from '../source/fix.js';
import { composeRegions, type ChangedRegion } from './changed-regions.js';
import type { Edit } from '../source/edit.js';

export const MAX_FIX_PASSES = 10;

export interface FixTextOptions extends LintOptions {
  /** Lowest applicability applied: `safe` (default) or `unsafe` (`--unsafe-fixes`). */
  readonly applicability?: Applicability;
}

export interface FixTextResult {
  /** The fixed text (the input when nothing applied). */
  readonly output: string;
  /** Diagnostics of the fixed text. */
  readonly diagnostics: Diagnostic[];
  /** Diagnostics of the input text (the first pass's lint: `--diff` reports them without linting again). */
  readonly inputDiagnostics: Diagnostic[];
  /** Fixes applied, over all passes (each in offsets of the text of its pass). */
  readonly applied: Diagnostic[];
  /** Rule ids of a pass that was reverted because it introduced a parse error. */
  readonly reverted?: string[];
  /** Where `output` differs from the input, composed over all passes (what `renderDiff` turns into hunks). */
  readonly changes: readonly ChangedRegion[];
}

function parseErrorCount(ds: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of ds) if (d.ruleId === 'parse-error') n++;
  return n;
}

/**
 * Lints and applies fixes until nothing changes (at most MAX_FIX_PASSES passes). A pass that would
 * add a parse error is reverted and named in `reverted` (ruff's "fix introduced a syntax error").
 */
export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  return fixWith(text, (t) => lintText(t, options), options.applicability ?? 'safe');
}

/** The fix loop over any lint function (a plain rules text, or a host file with embedded rules). */
export function fixWith(text: string, lint: (text: string) => Diagnostic[], threshold: Applicability = 'safe'): FixTextResult {
  let current = text;
  let diagnostics = lint(current);
  const inputDiagnostics = diagnostics;
  const applied: Diagnostic[] = [];
  let reverted: string[] | undefined;
  let changes: ChangedRegion[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = applyFixes(current, diagnostics, threshold);
    if (result.applied.length === 0 || result.output === current) break;
    const next = lint(result.output);
    if (parseErrorCount(next) > parseErrorCount(diagnostics)) {
      reverted = [...new Set(result.applied.map((d) => d.ruleId))];
      break;
    }
    for (const d of result.applied) applied.push(d);
    // applyFixes takes fixes in order of their edits, disjoint: their edits are already sorted.
    const edits: Edit[] = [];
    for (const d of result.applied) for (const e of d.fix!.edits) edits.push(e);
    changes = composeRegions(changes, edits);
    current = result.output;
    diagnostics = next;
  }
  return { output: current, diagnostics, inputDiagnostics, applied, reverted, changes };
}
