import { ALL_LINT_RULES } from '../../rules/index.js';
import type { LintRuleMeta } from '../../linter/lint-rule.js';
import { DIALECTS, dialectSeverity } from '../../dialects/dialect.js';

/** The formats of `suricata-lint rules --format`. */
export const LIST_FORMATS = ['text', 'json', 'markdown'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** How the README and `rules --format markdown` name and order the categories. */
const CATEGORY_TITLES: Readonly<Record<LintRuleMeta['category'], string>> = {
  tls: 'TLS and the split ClientHello',
  aws: 'AWS Network Firewall',
  firewall: 'Firewall engine (Next Generation policies, Suricata 8 firewall mode)',
  syntax: 'Syntax',
  hygiene: 'Suricata hygiene',
  engine: 'The real engine (`--engine suricata`)',
};

/** The rule's default severity under a firewall-engine profile (src/dialects/dialect.ts). */
const fw = (m: LintRuleMeta, name: 'aws-nfw-firewall' | 'suricata-firewall') => dialectSeverity(m.id, m.severity, DIALECTS[name]);

/** A table cell: one line, `|` escaped. */
const cell = (s: string) => s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * The rules as Markdown tables, one per category: id, what it finds (the summary), severity under each
 * profile, and the fix ceiling. The README's rule table is this output (checked by test/rules/readme-rules.test.ts).
 */
export function rulesMarkdown(metas: readonly LintRuleMeta[]): string {
  const out: string[] = [];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const rows = metas.filter((m) => m.category === category);
    if (rows.length === 0) continue;
    out.push(`**${title}**`, '', '| id | finds | aws-nfw | suricata | aws-nfw-firewall | suricata-firewall | fix |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const m of rows) {
      out.push(`| \`${m.id}\` | ${cell(m.docs.summary)} | ${m.severity['aws-nfw']} | ${m.severity.suricata} | ${fw(m, 'aws-nfw-firewall')} | ${fw(m, 'suricata-firewall')} | ${m.fix} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * `suricata-lint rules`: one line per lint rule (text), (json) an array of
 * `{ id, category, severity: { "aws-nfw", suricata }, fix, summary }`, one object per lint rule, or
 * (markdown) a table per category, as in the README.
 */
export function listRules(format: ListFormat = 'text'): string {
  const rows = ALL_LINT_RULES.map((r) => r.meta);
  if (format === 'markdown') return rulesMarkdown(rows);
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
    `Severity: aws-nfw ${m.severity['aws-nfw']}, suricata ${m.severity.suricata}, aws-nfw-firewall ${fw(m, 'aws-nfw-firewall')}, suricata-firewall ${fw(m, 'suricata-firewall')}. Fix: ${m.fix}.`,
  ];
  if (m.docs.badExample) parts.push('', 'Example (flagged)', ...m.docs.badExample.split('\n').map((l) => `  ${l}`));
  if (m.docs.goodExample) parts.push('', 'Instead', ...m.docs.goodExample.split('\n').map((l) => `  ${l}`));
  if (m.docs.fixSafety) parts.push('', 'Fix safety', `  ${m.docs.fixSafety}`);
  return `${parts.join('\n')}\n`;
}
