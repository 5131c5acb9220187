import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RulesFile } from '../syntax/tree.js';
import type { ResolvedLintOptions } from './lint-options.js';

/**
 * Inline suppressions in comment lines:
 *   `# suricata-lint-disable-next-line ID[, ID...] [-- reason]`  the next rule statement
 *   `# suricata-lint-disable ID[, ID...] [-- reason]`            the rest of the file
 * (no ID: every rule). A suppression that suppresses nothing is itself reported (`unused-suppression`).
 */
export function applySuppressions(file: RulesFile, diagnostics: Diagnostic[], options: ResolvedLintOptions): Diagnostic[] {
  const directives: { ids: string[] | 'all'; from: number; to: number; range: { start: number; end: number }; used: boolean }[] = [];
  const st = file.statements;
  for (let i = 0; i < st.length; i++) {
    const s = st[i];
    if (s.kind !== 'comment') continue;
    const body = file.text.slice(s.body.start, s.body.end);
    const m = /^\s*suricata-lint-(disable-next-line|disable)\b([^\n]*)$/.exec(body);
    if (!m) continue;
    const spec = m[2].split('--')[0].trim();
    const ids = spec ? spec.split(/[\s,]+/).filter(Boolean) : 'all';
    if (m[1] === 'disable') {
      directives.push({ ids, from: s.range.end, to: file.text.length, range: s.range, used: false });
    } else {
      let j = i + 1;
      while (j < st.length && st[j].kind !== 'rule') j++;
      const target = st[j];
      if (target) directives.push({ ids, from: target.range.start, to: target.eol.start, range: s.range, used: false });
      else directives.push({ ids, from: s.range.end, to: s.range.end, range: s.range, used: false });
    }
  }
  if (directives.length === 0) return diagnostics;
  const kept = diagnostics.filter((d) => {
    if (d.ruleId === 'parse-error') return true;
    for (const dir of directives) {
      if (d.range.start >= dir.from && d.range.start <= dir.to && (dir.ids === 'all' || dir.ids.includes(d.ruleId))) {
        dir.used = true;
        return false;
      }
    }
    return true;
  });
  if ((options.rules['unused-suppression'] ?? 'warning') !== 'off') {
    for (const dir of directives) {
      if (dir.used) continue;
      kept.push({
        ruleId: 'unused-suppression',
        severity: options.rules['unused-suppression'] === 'error' ? 'error' : options.rules['unused-suppression'] === 'info' ? 'info' : 'warning',
        message: `this suppression (${dir.ids === 'all' ? 'all rules' : dir.ids.join(', ')}) suppresses nothing`,
        hint: 'remove the comment, or fix the rule id it names',
        range: dir.range,
      });
    }
  }
  return kept;
}
