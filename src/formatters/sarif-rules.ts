import type { LintRuleMeta } from '../linter/lint-rule.js';

/** SARIF levels by our severity setting. */
export const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;
export type SarifLevel = (typeof SARIF_LEVEL)[keyof typeof SARIF_LEVEL];

/** The profile whose severities are the defaults shown in SARIF (the CLI default). */
const DEFAULT_PROFILE = 'aws-nfw';

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel; enabled?: false };
  properties: { tags: string[]; fix: string };
}

/** Metadata for rule ids that are not lint rules (a crashing rule reports `internal-error`). */
const SYNTHETIC: Record<string, LintRuleMeta> = {
  'internal-error': {
    id: 'internal-error',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A lint rule crashed on this file',
      rationale: 'This is a bug in suricata-lint, not in your rules. Please report it with the rule text.',
    },
  },
};

export function syntheticRuleMeta(id: string): LintRuleMeta {
  return (
    SYNTHETIC[id] ?? {
      id,
      category: 'syntax',
      severity: { 'aws-nfw': 'warning', suricata: 'warning' },
      fix: 'none',
      docs: { summary: id, rationale: `Findings reported as '${id}'.` },
    }
  );
}

/** `ssl-state-explicit` -> `SslStateExplicit` (SARIF `name` is a readable identifier). */
function pascal(id: string): string {
  return id
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  return `${f}\n${code}\n${f}`;
}

export function sarifRule(meta: LintRuleMeta): SarifRule {
  const d = meta.docs;
  const setting = meta.severity[DEFAULT_PROFILE];
  const text = [d.summary, '', d.rationale];
  const md = [`**${d.summary}**`, '', d.rationale];
  if (d.badExample) {
    text.push('', 'Problem:', d.badExample);
    md.push('', 'Problem:', '', fence(d.badExample));
  }
  if (d.goodExample) {
    text.push('', 'Fixed:', d.goodExample);
    md.push('', 'Fixed:', '', fence(d.goodExample));
  }
  if (d.fixSafety) {
    text.push('', `Fix: ${d.fixSafety}`);
    md.push('', `**Fix:** ${d.fixSafety}`);
  }
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: d.summary },
    fullDescription: { text: d.rationale },
    help: { text: text.join('\n'), markdown: md.join('\n') },
    defaultConfiguration: setting === 'off' ? { level: 'warning', enabled: false } : { level: SARIF_LEVEL[setting] },
    properties: { tags: ['suricata', meta.category], fix: meta.fix },
  };
}
