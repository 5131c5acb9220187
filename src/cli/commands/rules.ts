import { ALL_LINT_RULES } from '../../rules/index.js';
import type { LintRuleMeta } from '../../linter/lint-rule.js';

/** `suricata-lint rules`: one line per lint rule. */
export function listRules(): string {
  const rows = ALL_LINT_RULES.map((r) => r.meta);
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
