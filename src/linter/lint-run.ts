import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fixWith } from '../fix/fix-loop.js';
import { ALL_LINT_RULES } from '../rules/index.js';
import { findDuplicateSids } from '../rules/utils/find-duplicate-sids.js';
import type { ChangedRegion } from '../fix/changed-regions.js';
import type { LintOptions } from './lint-options.js';
import type { FileReport, LintReport } from './lint-report.js';
import { loadInputLinter } from './load-input-linter.js';
import { runFacts } from './run-rule-set-facts.js';

/** One input of a lint run: a path (it decides the format: `.rules`, rule group JSON, CloudFormation, Terraform), its text, and its options. */
export interface LintRunInput {
  readonly path: string;
  readonly text: string;
  /** The options in force for this input (profile, rule order, `rules` severities, variables, ...). Default: none. */
  readonly options?: LintOptions;
}

export interface LintRunOptions {
  /** Also fix: apply fixes up to this applicability (`safe`: what `--fix` applies; `unsafe`: with `--unsafe-fixes`). */
  readonly fix?: 'safe' | 'unsafe';
  /** Report errors only (`--quiet`). */
  readonly quiet?: boolean;
  /** The tool version the report names (SARIF `tool.driver.version`). Default `0.0.0`. */
  readonly toolVersion?: string;
}

/** A file of a lint run: findings on the input text and, when fixing, what the fixes made of it. */
export interface LintRunFile extends FileReport {
  /** With `fix`: the findings left in `output`. */
  readonly remaining?: readonly Diagnostic[];
  /** With `fix`: lint rules whose fixes were reverted because they introduced a parse error (a bug to report). */
  readonly reverted?: readonly string[];
  /** With `fix`: where `output` differs from `text` (what `renderDiff` turns into hunks). */
  readonly changes?: readonly ChangedRegion[];
}

export interface LintRunReport extends LintReport {
  readonly files: readonly LintRunFile[];
}

/**
 * A lint run as a library call: inputs in, report out. No file, process or terminal I/O (the CLI reads the
 * files and config, writes fixed files and output; an editor server or the GitHub Action script hands texts
 * in). Each input is linted with its own options, in its own format (host files: findings in the host
 * file's offsets); duplicate sids across the `.rules` inputs are reported under the first input's options,
 * as one Suricata engine loads them all. With `fix`, each file also gets `output`, `fixesApplied`,
 * `remaining` and `changes` (fixes re-lint until stable; a pass that adds a parse error is reverted).
 * Asynchronous only to load the host readers a run needs (the Terraform grammar is WebAssembly); never
 * rejects on user input: a bad file is findings, not an exception.
 */
export async function lintRun(inputs: readonly LintRunInput[], opts: LintRunOptions = {}): Promise<LintRunReport> {
  const lint = await loadInputLinter(inputs);
  const keep = (ds: Diagnostic[]) => (opts.quiet ? ds.filter((d) => d.severity === 'error') : ds);
  // Flowbits, QUIC and SNI handling are facts of the whole run: every input's lint sees all of them (as in the CLI).
  const optionsByPath = new Map(inputs.map((i) => [i.path, i.options ?? {}]));
  const facts = await runFacts(inputs, (p) => optionsByPath.get(p) ?? {});
  const files: LintRunFile[] = inputs.map((input) => {
    const options = facts ? { ...input.options, ruleSet: facts } : (input.options ?? {});
    if (!opts.fix) return { path: input.path, text: input.text, diagnostics: keep(lint(input.path, input.text, options)) };
    const r = fixWith(input.text, (t) => lint(input.path, t, options), opts.fix);
    return {
      path: input.path,
      text: input.text,
      diagnostics: keep(r.inputDiagnostics),
      output: r.output,
      fixesApplied: r.applied.length,
      remaining: keep(r.diagnostics),
      reverted: r.reverted,
      changes: r.changes,
    };
  });
  const rulesFiles = inputs.filter((i) => i.path.endsWith('.rules'));
  if (rulesFiles.length >= 2) {
    const index = new Map(files.map((f, i) => [f.path, i]));
    for (const { path, diagnostic } of findDuplicateSids(rulesFiles, rulesFiles[0].options)) {
      const i = index.get(path);
      if (i === undefined || keep([diagnostic]).length === 0) continue;
      const f = files[i];
      files[i] = { ...f, diagnostics: [...f.diagnostics, diagnostic].sort((a, b) => a.range.start - b.range.start) };
    }
  }
  return { files, rules: ALL_LINT_RULES.map((r) => r.meta), toolVersion: opts.toolVersion ?? '0.0.0' };
}
