import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * One finding per problem when both the static checks and Suricata refuse a rule: an `engine-error`
 * whose rule already carries a static error is not reported again; its message (Suricata's reason) is
 * attached to the first such static error as a related location ("Suricata 7.0.10 rejects this rule: ...",
 * shown as a note under the finding, SARIF relatedLocations), so the count is one and the engine's
 * confirmation stays visible. Engine errors on rules with no static error are kept as they are.
 * `staticFindings` and `engineFindings` are in offsets of the same text; an engine finding's range is its
 * rule statement. Returns the merged list sorted by position. Pure.
 */
export function mergeEngineConfirmations(staticFindings: readonly Diagnostic[], engineFindings: readonly Diagnostic[]): Diagnostic[] {
  const merged = [...staticFindings];
  const kept: Diagnostic[] = [];
  for (const e of engineFindings) {
    const i =
      e.ruleId === 'engine-error'
        ? merged.findIndex((s) => s.severity === 'error' && !s.ruleId.startsWith('engine-') && s.range.start >= e.range.start && s.range.start <= e.range.end)
        : -1;
    if (i < 0) {
      kept.push(e);
      continue;
    }
    const s = merged[i];
    merged[i] = { ...s, related: [...(s.related ?? []), { range: { start: e.range.start, end: e.range.start }, message: e.message }] };
  }
  return [...merged, ...kept].sort((a, b) => a.range.start - b.range.start);
}
