import { readFileSync } from 'node:fs';
import type { FileReport, LintReport } from '../../src/linter/lint-report.js';
import { lintFile } from '../../src/linter/linter.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';
import { parseRules } from '../../src/syntax/parse.js';

const FIXTURES = new URL('../fixtures/formatters/', import.meta.url);

/**
 * The lint rules the fixture exercises, fixed so that rules added later do not churn every snapshot
 * (their own tests cover them). Every id must exist.
 */
const FIXTURE_RULE_IDS = [
  'indented-rule',
  'parse-error',
  'tls-catch-all-after-sni-pass',
  'tls-cert-keyword-tls13',
  'tls-client-hello-gate',
  'tls-ssl-state-explicit',
  'tls-ssl-state-never-matches',
  'tls-version-early-match',
];
const FIXTURE_RULES = FIXTURE_RULE_IDS.map((id) => {
  const rule = ALL_LINT_RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`fixture-report: lint rule '${id}' is not registered`);
  return rule;
});

function lintFixture(name: string, reportAs: string): FileReport {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  // tls-ssl-state-explicit is opt-in (off by default): turned on so the fixture keeps a safe-fix warning.
  return { path: reportAs, text, diagnostics: lintFile(parseRules(text), { rules: { 'tls-ssl-state-explicit': 'warning' } }, FIXTURE_RULES) };
}

/** The one report every formatter snapshot is taken from: a file with findings of every kind and a clean file. */
export function fixtureReport(): LintReport {
  return {
    files: [lintFixture('egress.rules', 'rules/egress.rules'), lintFixture('clean.rules', 'rules/clean.rules')],
    rules: FIXTURE_RULES.map((r) => r.meta),
    toolVersion: '0.1.0',
  };
}

/** A report with `n` copies of the findings of the fixture (for limits: annotations, comment size). */
export function bigReport(copies: number): LintReport {
  const base = fixtureReport();
  const files: FileReport[] = [];
  for (let i = 0; i < copies; i++) files.push({ ...base.files[0], path: `rules/egress-${String(i).padStart(3, '0')}.rules` });
  return { ...base, files };
}
