import { ALL_LINT_RULES } from '../../rules/index.js';
import type { LintRuleMeta } from '../../linter/lint-rule.js';

/** The formats of `suricata-lint rules --format`. */
export const LIST_FORMATS = ['text', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/**
 * `suricata-lint rules`: one line per lint rule (text), or (json) an array of
 * `{ id, category, severity: { "aws-nfw", suricata }, fix, summary }`, one object per lint rule.
 */
export function listRules(format: ListFormat = 'text'): string {
  const rows = ALL_LINT_RULES.map((r) => r.meta);
  if (format === 'json') {
    return `${JSON.stringify(rows.map((m) => ({ id: m.id, category: m.category, severity: m.severity, fix: m.fix, summary: m.docs.summary })), null, 2)}\n`;
  }
  const w = Math.max(...rows.map((m) => m.id.length));
  const lines = rows.map(
    (m) => `${m.id.padEnd(w)}  aws-nfw:${m.severity['aws-nfw'].padEnd(7)}  suricata:${m.severity.suricata.padEnd(7)}  fix:${m.fix.padEnd(12)}  ${m.docs.summary}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `suricata-lint explain ID`: the rule's documentation. */
export function explainRule(id: string): string | undefined {
  const m: LintRuleMeta | undefined = ALL_LINT_RULES.find((r) => r.meta.id === id)?.meta;
  if (!m) return undefined;
  const parts = [
    `${m.id} (${m.category})`,
    '',
    m.docs.summary,
    '',
    'Why',
    `  ${m.docs.rationale}`,
    '',
    `Severity: aws-nfw ${m.severity['aws-nfw']}, suricata ${m.severity.suricata}. Fix: ${m.fix}.`,
  ];
  if (m.docs.badExample) parts.push('', 'Example (flagged)', ...m.docs.badExample.split('\n').map((l) => `  ${l}`));
  if (m.docs.goodExample) parts.push('', 'Instead', ...m.docs.goodExample.split('\n').map((l) => `  ${l}`));
  if (m.docs.fixSafety) parts.push('', 'Fix safety', `  ${m.docs.fixSafety}`);
  return `${parts.join('\n')}\n`;
}
