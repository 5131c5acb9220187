import pc from 'picocolors';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { summarize } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import { diagnosticLocation, type LineColumnRange } from './diagnostic-location.js';
import { countFixes, plural } from './fix-counts.js';
import type { Formatter } from './formatter.js';
import { displayPath, guardLineStart, oneLine, visibleControls } from './safe-text.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Findings printed per file (each with its code frame); the rest are counted in one line. A terminal gains
 * nothing from 100,000 frames of one file (issue 17); the summary and the exit code still count them all.
 */
export const TEXT_FINDINGS_PER_FILE = 1000;

/** Widest code frame shown; longer lines are windowed around the finding. */
const FRAME_WIDTH = 120;
/** Characters of context kept left of the finding when a line is windowed. */
const FRAME_LEFT_CONTEXT = 30;

/**
 * Human output, grouped by file:
 * `path:line:col  severity  message  rule-id`, then a code frame with a caret under the range, the hint,
 * the fix (and whether `--fix` applies it), and a summary line with counts and fixable counts.
 */
export const formatText: Formatter = (report, ctx) => [...formatTextChunks(report, ctx)].join('');

/**
 * The text report in pieces, in order (the concatenation is `formatText`'s output): the CLI writes
 * them as they come, so a report on 50,000 findings is never one string in memory.
 */
export function* formatTextChunks(report: Parameters<Formatter>[0], ctx: Parameters<Formatter>[1]): Generator<string> {
  const c = pc.createColors(ctx.color);
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    const src = new SourceFile(f.path, f.text);
    yield `${c.bold(c.underline(displayPath(f.path)))}\n`;
    const shown = Math.min(f.diagnostics.length, TEXT_FINDINGS_PER_FILE);
    for (let i = 0; i < shown; i++) yield `${formatDiagnostic(f.path, src, f.diagnostics[i], c).join('\n')}\n`;
    const rest = f.diagnostics.length - shown;
    if (rest > 0) yield c.dim(`… and ${plural(rest, 'more finding')} in this file, not shown (at most ${TEXT_FINDINGS_PER_FILE} per file here; the summary counts them all, and -f json lists them)\n`);
    yield '\n';
  }
  yield `${summaryLines(report, ctx.maxWarnings, c).join('\n')}\n`;
}

const SEVERITY_COLOR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

function formatDiagnostic(path: string, src: SourceFile, d: Diagnostic, c: Colors): string[] {
  const loc = diagnosticLocation(src, d);
  const sev = c[SEVERITY_COLOR[d.severity]];
  const lines = [`${displayPath(path)}:${loc.line}:${loc.column}  ${sev(d.severity)}  ${oneLine(d.message)}  ${c.dim(d.ruleId)}`];
  const gutter = String(loc.line);
  const pad = ' '.repeat(gutter.length);
  const frame = codeFrame(src.lineText(loc.line), loc);
  lines.push(c.dim(`  ${gutter} | `) + frame.text);
  lines.push(c.dim(`  ${pad} | `) + frame.caretIndent + sev(frame.caret) + (frame.more ? c.dim(frame.more) : ''));
  const note = (label: string, text: string): string =>
    c.dim(`  ${pad} = `) + `${label}: ${text.split('\n').join(`\n  ${pad}   ${' '.repeat(label.length + 2)}`)}`;
  if (d.hint) lines.push(note('help', d.hint.split('\n').map((l) => guardLineStart(oneLine(l))).join('\n')));
  for (const r of d.related ?? []) {
    const at = src.positionAt(r.range.start);
    lines.push(note('note', `${oneLine(r.message)}: ${oneLine(path)}:${at.line}:${at.column}`));
  }
  if (d.fix) lines.push(note('fix', `${oneLine(d.fix.title)} ${c.dim(`(${FIX_NOTE[d.fix.applicability]})`)}`));
  for (const s of d.suggestions ?? []) lines.push(note('suggestion', oneLine(s.title)));
  return lines;
}

const FIX_NOTE = {
  safe: 'safe: applied by --fix',
  unsafe: 'unsafe: applied by --fix --unsafe-fixes',
  'display-only': 'shown only, never applied',
} as const;

interface Frame {
  readonly text: string;
  readonly caretIndent: string;
  readonly caret: string;
  readonly more: string;
}

/** The line (windowed when long, tabs shown as one space, control characters visible: safe-text) and a caret under `[column, endColumn)`. */
export function codeFrame(lineText: string, loc: LineColumnRange): Frame {
  const text = oneLine(visibleControls(lineText.replace(/\t/g, ' ')));
  const start = Math.min(loc.column - 1, text.length);
  const end = loc.endLine === loc.line ? Math.max(start + 1, Math.min(loc.endColumn - 1, text.length)) : Math.max(start + 1, text.length);
  let from = 0;
  if (text.length > FRAME_WIDTH && start > FRAME_LEFT_CONTEXT) from = Math.min(start - FRAME_LEFT_CONTEXT, text.length - FRAME_WIDTH + 1);
  from = Math.max(0, from);
  const to = Math.min(text.length, from + FRAME_WIDTH);
  const lead = from > 0 ? '…' : '';
  const shown = lead + text.slice(from, to) + (to < text.length ? '…' : '');
  const caretStart = start - from + lead.length;
  const caretLen = Math.max(1, Math.min(end, to) - start);
  const more = loc.endLine > loc.line ? ` (continues to line ${loc.endLine})` : '';
  return { text: shown, caretIndent: ' '.repeat(caretStart), caret: '^'.repeat(caretLen), more };
}

function summaryLines(report: Parameters<Formatter>[0], maxWarnings: number | undefined, c: Colors): string[] {
  const s = summarize(report);
  const fixes = countFixes(report);
  const lines: string[] = [];
  if (fixes.applied) lines.push(c.green(`Fixed ${plural(fixes.applied, 'problem')} in ${plural(fixes.filesFixed, 'file')}.`));
  const total = s.errors + s.warnings + s.infos;
  if (total === 0) {
    lines.push(c.green(`No problems found in ${plural(s.files, 'file')}.`));
    return lines;
  }
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info', 'infos')}`;
  const head = (s.errors ? c.red : s.warnings ? c.yellow : c.cyan)(c.bold(`✖ ${plural(total, 'problem')}`));
  lines.push(`${head} (${counts}) in ${s.filesWithProblems} of ${plural(s.files, 'file')}`);
  const fixable: string[] = [];
  if (fixes.safe) fixable.push(`${fixes.safe} fixable with --fix`);
  if (fixes.unsafe) fixable.push(`${fixes.unsafe} ${fixes.safe ? 'more ' : ''}with --fix --unsafe-fixes`);
  if (fixable.length) lines.push(`  ${fixable.join('; ')}`);
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    lines.push(c.red(`  too many warnings: ${s.warnings}, the maximum is ${maxWarnings} (--max-warnings)`));
  }
  return lines;
}
