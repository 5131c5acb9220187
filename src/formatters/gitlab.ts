import { createHash } from 'node:crypto';
import type { LintReport } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import { diagnosticLocation, reportPath } from './diagnostic-location.js';
import type { Formatter } from './formatter.js';

/** GitLab Code Quality severities by ours. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of
 * `{ description, check_name, fingerprint, severity, location: { path, positions } }`. Fingerprints
 * hash rule id, path, the finding's line text and its occurrence number, so they survive line moves.
 */
export const formatGitlab: Formatter = (report: LintReport) => {
  const issues = [];
  for (const f of report.files) {
    const src = new SourceFile(f.path, f.text);
    const path = reportPath(f.path);
    const seen = new Map<string, number>();
    for (const d of f.diagnostics) {
      const l = diagnosticLocation(src, d);
      const key = `${d.ruleId}\0${path}\0${src.lineText(l.line).trim()}\0${src.slice(d.range)}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      issues.push({
        type: 'issue',
        description: d.hint ? `${d.message} (${d.hint})` : d.message,
        check_name: d.ruleId,
        fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex'),
        severity: SEVERITY[d.severity],
        location: { path, positions: { begin: { line: l.line, column: l.column }, end: { line: l.endLine, column: l.endColumn } } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
