import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintReport } from '../linter/lint-report.js';
import { summarize } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import { diagnosticLocation, reportPath } from './diagnostic-location.js';
import { countFixes, plural } from './fix-counts.js';
import { lineSuggestions, type LineSuggestion } from './line-suggestions.js';
import type { FormatContext, Formatter } from './formatter.js';
import { blobLink, escapeMarkdown, fencedBlock, inlineCode } from './markdown-text.js';
import { visibleControls } from './safe-text.js';
import { COMMENT_MARKER, TOOL_NAME } from './tool-info.js';

/** GitHub rejects issue and PR comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** With more findings than this, each file's findings are folded in `<details>`. */
const FOLD_AFTER = 10;
/** Rows kept in the by-file table. */
const MAX_FILE_ROWS = 50;
/** Room kept for the truncation note and closing tags. */
const RESERVE = 600;

const ICON = { error: '🔴', warning: '🟡', info: '🔵' } as const;

/**
 * A PR comment body (also good for `$GITHUB_STEP_SUMMARY`): hidden marker, summary, tables by rule
 * and by file, then every finding with its location (a link when `repoUrl` and `sha` are given) and
 * each safe fix as a ```suggestion block. Never longer than GitHub's comment limit.
 */
export const formatMarkdown: Formatter = (report, ctx) => formatMarkdownWithin(report, ctx, GITHUB_COMMENT_LIMIT);

export function formatMarkdownWithin(report: LintReport, ctx: FormatContext, limit: number): string {
  const s = summarize(report);
  const total = s.errors + s.warnings + s.infos;
  const head = [COMMENT_MARKER, `## ${TOOL_NAME}`, '', summaryLine(report)];
  if (total === 0) return `${head.join('\n')}\n`;
  head.push('', ...ruleTable(report), '', ...fileTable(report, ctx), '', '### Findings', '');
  let out = `${head.join('\n')}\n`;
  const fold = total > FOLD_AFTER;
  let omitted = 0;
  for (const f of filesErrorsFirst(report)) {
    if (f.diagnostics.length === 0) continue;
    const src = new SourceFile(f.path, f.text);
    const shown = errorsFirst(f.diagnostics);
    const suggestions = lineSuggestions(src, shown);
    const path = reportPath(f.path);
    const open = fold
      ? `<details><summary><code>${escapeHtml(visibleControls(path).replace(/\r?\n|\r/g, ' '))}</code>: ${plural(f.diagnostics.length, 'finding')}</summary>\n\n`
      : `#### ${inlineCode(path)}\n\n`;
    const close = fold ? '</details>\n\n' : '';
    let chunk = '';
    for (const d of shown) {
      const item = finding(path, src, d, ctx, suggestions.get(d));
      if (omitted === 0 && out.length + open.length + chunk.length + item.length + close.length + RESERVE <= limit) chunk += item;
      else omitted++;
    }
    if (chunk) out += open + chunk + close;
  }
  if (omitted) {
    out +=
      `> [!NOTE]\n> ${plural(omitted, 'more finding')} not shown: this comment would exceed GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character limit. ` +
      'Run `suricata-lint` locally, or see the job summary and code scanning alerts, for the full list.\n';
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

function summaryLine(report: LintReport): string {
  const s = summarize(report);
  const total = s.errors + s.warnings + s.infos;
  if (total === 0) return `✅ No problems found in ${plural(s.files, 'file')}.`;
  const fixes = countFixes(report);
  const fixable: string[] = [];
  if (fixes.safe) fixable.push(`${fixes.safe} fixable with \`--fix\``);
  if (fixes.unsafe) fixable.push(`${fixes.unsafe} ${fixes.safe ? 'more ' : ''}with \`--fix --unsafe-fixes\``);
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info', 'infos')}`;
  return `**${s.errors ? '❌' : '⚠️'} ${plural(total, 'problem')}** (${counts}) in ${s.filesWithProblems} of ${plural(s.files, 'file')}` + (fixable.length ? ` · ${fixable.join(', ')}` : '');
}

type Counts = { error: number; warning: number; info: number };

function ruleTable(report: LintReport): string[] {
  const byRule = new Map<string, Counts & { safe: number; unsafe: number }>();
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const c = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0, safe: 0, unsafe: 0 };
      c[d.severity]++;
      if (d.fix?.applicability === 'safe') c.safe++;
      if (d.fix?.applicability === 'unsafe') c.unsafe++;
      byRule.set(d.ruleId, c);
    }
  }
  const rows = [...byRule].sort(([a], [b]) => a.localeCompare(b));
  return [
    '| Rule | Errors | Warnings | Infos | Fixable |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(([id, c]) => `| ${inlineCode(id)} | ${c.error} | ${c.warning} | ${c.info} | ${fixableCell(c.safe, c.unsafe)} |`),
  ];
}

function fixableCell(safe: number, unsafe: number): string {
  const parts = [safe ? `${safe} safe` : '', unsafe ? `${unsafe} unsafe` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

function fileTable(report: LintReport, ctx: FormatContext): string[] {
  const rows = report.files
    .filter((f) => f.diagnostics.length)
    .map((f) => {
      const c: Counts = { error: 0, warning: 0, info: 0 };
      for (const d of f.diagnostics) c[d.severity]++;
      const path = reportPath(f.path);
      const name = ctx.repoUrl && ctx.sha && linkable(path) ? `[${inlineCode(path)}](${blobLink(ctx.repoUrl, ctx.sha, path, 1).replace(/#L1$/, '')})` : inlineCode(path);
      return `| ${name} | ${c.error} | ${c.warning} | ${c.info} |`;
    });
  const kept = rows.slice(0, MAX_FILE_ROWS);
  if (rows.length > kept.length) kept.push(`| … and ${plural(rows.length - kept.length, 'more file')} | | | |`);
  return ['| File | Errors | Warnings | Infos |', '| --- | ---: | ---: | ---: |', ...kept];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** A file's findings as shown: errors first, then warnings, then infos; by position within each. */
function errorsFirst(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.range.start - b.range.start);
}

/** Files with errors before files with only warnings or infos (so a long comment cut short keeps the errors); stable otherwise. */
function filesErrorsFirst(report: LintReport): LintReport['files'] {
  const worst = (f: LintReport['files'][number]) => Math.min(3, ...f.diagnostics.map((d) => SEVERITY_RANK[d.severity]));
  return [...report.files].sort((a, b) => worst(a) - worst(b));
}

function finding(path: string, src: SourceFile, d: Diagnostic, ctx: FormatContext, suggestion: LineSuggestion | undefined): string {
  const l = diagnosticLocation(src, d);
  const where = `${path}:${l.line}:${l.column}`;
  const loc = ctx.repoUrl && ctx.sha && linkable(path) ? `[${inlineCode(where)}](${blobLink(ctx.repoUrl, ctx.sha, path, l.line, l.endLine)})` : inlineCode(where);
  const lines = [`${ICON[d.severity]} **${d.severity}** ${loc} ${inlineCode(d.ruleId)}  `, escapeMarkdown(d.message)];
  // Every line of a multi-line hint stays a line of the quote.
  if (d.hint) lines.push('', d.hint.split(/\r?\n/).map((l) => `> ${escapeMarkdown(l)}`).join('  \n'));
  if (d.fix?.applicability === 'safe') {
    if (suggestion) {
      const fixed = suggestion.fixed;
      const span = fixed.endLine > fixed.startLine ? `lines ${fixed.startLine}–${fixed.endLine}` : `line ${fixed.startLine}`;
      if (suggestion.owner !== d) lines.push('', `Safe fix, ${escapeMarkdown(d.fix.title)}: included in the one suggestion for ${span} above.`);
      else {
        const what = suggestion.titles.length > 1 ? `${suggestion.titles.length} fixes in one suggestion: ${suggestion.titles.map(escapeMarkdown).join('; ')}` : escapeMarkdown(suggestion.titles[0]);
        lines.push('', `Safe fix, ${what} (${span}):`, '', fencedBlock('suggestion', fixed.after));
      }
    } else lines.push('', `Safe fix, ${escapeMarkdown(d.fix.title)}: applied by \`--fix\`; not part of the suggestion (it overlaps another fix on this line).`);
  } else if (d.fix?.applicability === 'unsafe') {
    lines.push('', `Unsafe fix available: ${escapeMarkdown(d.fix.title)} (\`--fix --unsafe-fixes\`).`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** Only paths inside the repository can be linked: not absolute, not `../`, not `<stdin>`. */
function linkable(path: string): boolean {
  return !(path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path.startsWith('<') || path === '..' || path.startsWith('../'));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
