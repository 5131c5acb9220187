import pc from 'picocolors';
import { SourceFile } from '../source/source-file.js';
import { summarize } from '../linter/lint-report.js';
import type { Formatter } from './formatter.js';

/** Human output: grouped by file, `path:line:col  severity  message  rule-id`, a code frame, a summary. */
export const formatText: Formatter = (report, ctx) => {
  const c = pc.createColors(ctx.color);
  const sevColor = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    const src = new SourceFile(f.path, f.text);
    lines.push(c.underline(f.path));
    for (const d of f.diagnostics) {
      const p = src.positionAt(d.range.start);
      const e = src.positionAt(d.range.end);
      lines.push(`${f.path}:${p.line}:${p.column}  ${sevColor[d.severity](d.severity)}  ${d.message}  ${c.dim(d.ruleId)}`);
      const text = src.lineText(p.line);
      const gutter = String(p.line);
      const shown = text.length > 160 ? text.slice(0, 160) + '...' : text;
      lines.push(c.dim(`  ${gutter} | `) + shown.replace(/\t/g, ' '));
      const width = Math.max(1, (e.line === p.line ? e.column : text.length + 1) - p.column);
      if (p.column <= 161) lines.push(c.dim(`  ${' '.repeat(gutter.length)} | `) + ' '.repeat(p.column - 1) + sevColor[d.severity]('^'.repeat(Math.min(width, 161 - p.column + 1))));
      if (d.hint) lines.push(c.dim(`  ${' '.repeat(gutter.length)} = `) + `help: ${d.hint.split('\n').join('\n        ')}`);
      if (d.fix && d.fix.applicability !== 'display-only') lines.push(c.dim(`  ${' '.repeat(gutter.length)} = `) + `fix (${d.fix.applicability}): ${d.fix.title}`);
    }
    lines.push('');
  }
  const s = summarize(report);
  const total = s.errors + s.warnings + s.infos;
  if (total === 0) {
    lines.push(c.green(`No problems found in ${s.files} file${s.files === 1 ? '' : 's'}.`));
  } else {
    const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`, `${s.infos} info`];
    lines.push(
      `${(s.errors ? c.red : c.yellow)(`${total} problem${total === 1 ? '' : 's'}`)} (${parts.join(', ')}) in ${s.filesWithProblems} of ${s.files} file${s.files === 1 ? '' : 's'}` +
        (s.fixable ? `; ${s.fixable} fixable with --fix${s.fixable ? ' (some may need --unsafe-fixes)' : ''}` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
};
