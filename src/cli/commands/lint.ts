import { writeFileSync } from 'node:fs';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isSeveritySetting, type SeveritySetting } from '../../diagnostics/severity.js';
import { fixWith } from '../../fix/fix-loop.js';
import { renderDiff } from '../../fix/unified-diff.js';
import type { LintOptions } from '../../linter/lint-options.js';
import type { FileReport, LintReport } from '../../linter/lint-report.js';
import { summarize } from '../../linter/lint-report.js';
import { lintSource } from '../../linter/lint-source.js';
import { ALL_LINT_RULES } from '../../rules/index.js';
import { FORMATTERS, MACHINE_FORMATS } from '../../formatters/index.js';
import { CLEAR_LINE, PROGRESS_MIN_FILES, progressLine, progressStep } from '../../formatters/progress.js';
import { collectFiles } from '../collect-files.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../exit-codes.js';
import { readTextFile } from '../read-text-file.js';
import { writeFileSafely } from '../write-file-safely.js';
import { VERSION } from '../version.js';

export interface LintArgs {
  paths: string[];
  format: string;
  fix: boolean;
  diff: boolean;
  unsafeFixes: boolean;
  profile: 'aws-nfw' | 'suricata';
  ruleOrder: 'strict' | 'action';
  suricataVersion: 7 | 8;
  rule: string[];
  maxWarnings?: number;
  quiet: boolean;
  outputFile?: string;
  stdin: boolean;
  stdinFilename?: string;
  color?: boolean;
  /** Web URL of the repository and the commit SHA, for links in the markdown and SARIF formats. */
  repoUrl?: string;
  sha?: string;
}

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  isTTY: boolean;
  /** stderr is a terminal (progress line) and its width. */
  stderrIsTTY?: boolean;
  columns?: number;
}

function parseRuleOverrides(specs: readonly string[]): Record<string, SeveritySetting> | string {
  const out: Record<string, SeveritySetting> = {};
  const ids = new Set(ALL_LINT_RULES.map((r) => r.meta.id));
  for (const spec of specs) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(spec.trim());
    if (!m) return `--rule expects ID=severity (for example tls-ssl-state-explicit=off), got '${spec}'`;
    if (!ids.has(m[1])) return `--rule: unknown rule id '${m[1]}' (see 'suricata-lint rules')`;
    if (!isSeveritySetting(m[2])) return `--rule ${m[1]}: severity must be off, info, warning or error, got '${m[2]}'`;
    out[m[1]] = m[2];
  }
  return out;
}

export async function runLint(args: LintArgs, io: Io): Promise<number> {
  const formatter = FORMATTERS[args.format];
  if (!formatter) {
    io.stderr(`suricata-lint: unknown format '${args.format}'; use one of: ${Object.keys(FORMATTERS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const rules = parseRuleOverrides(args.rule);
  if (typeof rules === 'string') {
    io.stderr(`suricata-lint: ${rules}\n`);
    return EXIT_USAGE;
  }
  const options: LintOptions = { profile: args.profile, ruleOrder: args.ruleOrder, suricataVersion: args.suricataVersion, rules };
  const threshold = args.unsafeFixes ? 'unsafe' : 'safe';
  const wantFixes = args.fix || args.diff;

  const inputs: { path: string; text: string }[] = [];
  let ioError = false;
  if (args.stdin) {
    inputs.push({ path: args.stdinFilename ?? '<stdin>', text: await io.readStdin() });
  } else {
    const { files, missing } = await collectFiles(args.paths.length ? args.paths : ['.']);
    for (const m of missing) {
      io.stderr(`suricata-lint: ${m.path}: ${m.reason}\n`);
      ioError = true;
    }
    for (const f of files) {
      const r = readTextFile(f);
      if (!r.ok) {
        io.stderr(`suricata-lint: ${f}: ${r.reason}\n`);
        ioError = true;
        continue;
      }
      inputs.push({ path: f, text: r.text });
    }
  }

  const reports: FileReport[] = [];
  let changed = 0;
  let diffs = '';
  const progress = !!io.stderrIsTTY && !MACHINE_FORMATS.has(args.format) && !args.diff && inputs.length >= PROGRESS_MIN_FILES;
  for (const [i, input] of inputs.entries()) {
    if (progress && i % progressStep(inputs.length) === 0) io.stderr(progressLine(i + 1, inputs.length, input.path, io.columns));
    const lint = (t: string): Diagnostic[] => lintSource(input.path, t, options);
    if (!wantFixes) {
      reports.push({ path: input.path, text: input.text, diagnostics: filterQuiet(lint(input.text), args.quiet) });
      continue;
    }
    const result = fixWith(input.text, lint, threshold);
    if (result.reverted) {
      io.stderr(`suricata-lint: ${input.path}: fixes from ${result.reverted.join(', ')} would have introduced a parse error and were not applied; please report this\n`);
    }
    const fixedText = result.output;
    if (fixedText !== input.text) {
      changed++;
      if (args.diff) diffs += renderDiff(input.path, input.text, fixedText);
      else if (!args.stdin) {
        try {
          writeFileSafely(input.path, input.text, fixedText);
        } catch (e) {
          io.stderr(`suricata-lint: ${input.path}: could not write the fixed file, original left intact: ${(e as Error).message}\n`);
          ioError = true;
        }
      }
    }
    reports.push({
      path: input.path,
      text: args.fix && !args.stdin ? fixedText : input.text,
      diagnostics: filterQuiet(args.fix && !args.stdin ? result.diagnostics : lint(input.text), args.quiet),
      output: fixedText,
      fixesApplied: result.applied.length,
    });
  }

  if (progress) io.stderr(CLEAR_LINE);
  const report: LintReport = { files: reports, rules: ALL_LINT_RULES.map((r) => r.meta), toolVersion: VERSION };
  let out: string;
  if (args.diff) out = diffs;
  else if (args.fix && args.stdin) out = reports[0]?.output ?? '';
  else out = formatter(report, { color: useColor(args.color, io.isTTY), maxWarnings: args.maxWarnings, repoUrl: args.repoUrl, sha: args.sha });
  if (args.outputFile) {
    try {
      writeFileSync(args.outputFile, out);
    } catch (e) {
      io.stderr(`suricata-lint: cannot write ${args.outputFile}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else io.stdout(out);
  if (args.fix && changed && !args.stdin) io.stderr(`suricata-lint: fixed ${changed} file${changed === 1 ? '' : 's'}\n`);

  if (ioError) return EXIT_USAGE;
  const s = summarize(report);
  if (args.diff) return changed > 0 ? EXIT_PROBLEMS : s.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  if (s.errors > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && s.warnings > args.maxWarnings) return EXIT_PROBLEMS;
  return EXIT_OK;
}

function filterQuiet(ds: Diagnostic[], quiet: boolean): Diagnostic[] {
  return quiet ? ds.filter((d) => d.severity === 'error') : ds;
}

/** --color/--no-color win; then NO_COLOR and FORCE_COLOR (https://no-color.org); then "is stdout a terminal". */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}
