import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintReport } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import { diagnosticLocation, reportPath } from './diagnostic-location.js';
import { plural } from './fix-counts.js';
import type { Formatter } from './formatter.js';
import { displayPath, oneLine, visibleControls } from './safe-text.js';
import { TOOL_NAME } from './tool-info.js';

/** GitHub shows at most this many annotations of each kind per step and drops the rest silently. */
export const ANNOTATIONS_PER_KIND = 10;

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping for a workflow command's message (GitHub's toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a workflow command's property value (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(path: string, src: SourceFile, d: Diagnostic): string {
  const l = diagnosticLocation(src, d);
  const props: [string, string | number][] = [['file', visibleControls(reportPath(path))], ['line', l.line]];
  // GitHub only honours col/endColumn on single-line annotations.
  if (l.endLine === l.line) props.push(['col', l.column], ['endColumn', Math.max(l.column + 1, l.endColumn)]);
  else props.push(['endLine', l.endLine]);
  props.push(['title', `${TOOL_NAME} (${d.ruleId})`]);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${COMMAND[d.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(visibleControls(message))}`;
}

function plainLine(path: string, src: SourceFile, d: Diagnostic): string {
  const l = diagnosticLocation(src, d);
  return `${displayPath(reportPath(path))}:${l.line}:${l.column}: ${d.severity}: ${oneLine(d.message)} [${d.ruleId}]`;
}

/**
 * GitHub Actions workflow commands: one annotation per finding, at most 10 errors, 10 warnings and 10
 * notices (infos). Findings past the limit are printed as plain log lines, and one notice says how many
 * were not annotated and where to see them all (the job summary and the code scanning upload).
 */
export const formatGithub: Formatter = (report: LintReport) => {
  const shown = { error: 0, warning: 0, info: 0 };
  const hidden = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  const overflow: string[] = [];
  const anyOverflow = countBySeverity(report).some(([, n]) => n > ANNOTATIONS_PER_KIND);
  // Keep one notice free for the overflow message when infos would otherwise use all ten.
  const limit = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, info: anyOverflow ? ANNOTATIONS_PER_KIND - 1 : ANNOTATIONS_PER_KIND };
  for (const f of report.files) {
    const src = new SourceFile(f.path, f.text);
    for (const d of f.diagnostics) {
      if (shown[d.severity] < limit[d.severity]) {
        shown[d.severity]++;
        lines.push(annotation(f.path, src, d));
      } else {
        hidden[d.severity]++;
        overflow.push(plainLine(f.path, src, d));
      }
    }
  }
  if (overflow.length) {
    const parts = [
      hidden.error ? plural(hidden.error, 'error') : '',
      hidden.warning ? plural(hidden.warning, 'warning') : '',
      hidden.info ? plural(hidden.info, 'info', 'infos') : '',
    ].filter(Boolean);
    const note =
      `${plural(overflow.length, 'more finding')} (${parts.join(', ')}) not shown as annotations: ` +
      `GitHub shows at most ${ANNOTATIONS_PER_KIND} errors and ${ANNOTATIONS_PER_KIND} warnings per step. ` +
      'All findings are listed below in this log, in the job summary, and in code scanning when the SARIF report is uploaded.';
    lines.push(`::notice title=${escapeProperty(`${TOOL_NAME}: ${plural(overflow.length, 'more finding')}`)}::${escapeData(note)}`);
    for (const l of overflow) lines.push(l);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function countBySeverity(report: LintReport): [Diagnostic['severity'], number][] {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of report.files) for (const d of f.diagnostics) n[d.severity]++;
  return Object.entries(n) as [Diagnostic['severity'], number][];
}
