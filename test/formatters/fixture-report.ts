import { readFileSync } from 'node:fs';
import type { FileReport, LintReport } from '../../src/linter/lint-report.js';
import { lintText } from '../../src/linter/linter.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';

const FIXTURES = new URL('../fixtures/formatters/', import.meta.url);

function lintFixture(name: string, reportAs: string): FileReport {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  return { path: reportAs, text, diagnostics: lintText(text) };
}

/** The one report every formatter snapshot is taken from: a file with findings of every kind and a clean file. */
export function fixtureReport(): LintReport {
  return {
    files: [lintFixture('egress.rules', 'rules/egress.rules'), lintFixture('clean.rules', 'rules/clean.rules')],
    rules: ALL_LINT_RULES.map((r) => r.meta),
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
