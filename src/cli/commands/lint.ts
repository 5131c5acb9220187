import type { AnyProfileName } from '../../dialects/dialect.js';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { matchesAny } from '../../config/glob-match.js';
import { loadConfigFile, loadConfigFor, type LoadedConfig } from '../../config/load-config.js';
import { mergeConfig, type CliLintOptions, type EffectiveConfig } from '../../config/merge-config.js';
import type { SuricataVersion } from '../../engine/suricata-version.js';
import { mergeEngineConfirmations } from '../../engine/engine-confirmation.js';
import { findDuplicateSids } from '../../rules/utils/find-duplicate-sids.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isSeveritySetting, type SeveritySetting } from '../../diagnostics/severity.js';
import { fixWith } from '../../fix/fix-loop.js';
import type { FileReport, LintReport } from '../../linter/lint-report.js';
import { summarize } from '../../linter/lint-report.js';
import { ALL_LINT_RULES, isLintRuleId } from '../../rules/index.js';
import { FORMAT_NAMES, MACHINE_FORMATS, loadFormatter } from '../../formatters/load-formatter.js';
import { CLEAR_LINE, PROGRESS_MIN_FILES, progressLine, progressStep } from '../../formatters/progress.js';
import { displayPath, oneLine } from '../../formatters/safe-text.js';
import { collectFiles } from '../collect-files.js';
import { loadInputLinter } from '../../linter/load-input-linter.js';
import { runFacts } from '../../linter/run-rule-set-facts.js';
import { looksLikeRuleGroupHost } from '../../inputs/host-adapter.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../exit-codes.js';
import { cappedThreads, lintInputsInParallel, lintWorkerUrl, parallelThreads } from '../lint-in-parallel.js';
import { MAX_FILE_BYTES, gateInput, readTextFile } from '../read-text-file.js';
import { cleanStaleTemporaries, writeFileSafely, writeOutputFile, type FileStamp } from '../write-file-safely.js';
import { VERSION } from '../version.js';

export interface LintArgs {
  paths: string[];
  format: string;
  fix: boolean;
  diff: boolean;
  unsafeFixes: boolean;
  /** Undefined: from the config file, else the default (aws-nfw, strict, 7). */
  profile?: AnyProfileName;
  ruleOrder?: 'strict' | 'action';
  suricataVersion?: 7 | 8;
  /** `--inline` / `--no-inline`; undefined: from the config file, else by profile. */
  inline?: boolean;
  /** `--config FILE`: use this config instead of looking for one next to each file. */
  config?: string;
  rule: string[];
  maxWarnings?: number;
  /** Threads for linting (1: the main thread only); undefined: decided by input size and cores. */
  threads?: number;
  quiet: boolean;
  outputFile?: string;
  stdin: boolean;
  stdinFilename?: string;
  color?: boolean;
  /** Web URL of the repository and the commit SHA, for links in the markdown and SARIF formats. */
  repoUrl?: string;
  sha?: string;
  /** `--engine suricata` (implied by `--engine-path`): also load the rules into the real Suricata. */
  engine?: 'suricata';
  enginePath?: string;
  /** `--baseline FILE`: findings listed there are not reported; `--write-baseline` writes FILE first. */
  baseline?: string;
  writeBaseline?: boolean;
  /** `--changed-lines-only REF`: only findings on lines that differ from the git ref. */
  changedLinesOnly?: string;
}

export interface Io {
  stdout(s: string): void;
  /** Resolves once stdout has taken what was written (backpressure for long reports); optional. */
  stdoutDrained?(): Promise<void>;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  /** Stdin's bytes, reading at most a little past `limit` (then the input is refused); preferred over readStdin. */
  readStdinBytes?(limit: number): Promise<Uint8Array>;
  isTTY: boolean;
  /** stderr is a terminal (progress line) and its width. */
  stderrIsTTY?: boolean;
  columns?: number;
}

function parseRuleOverrides(specs: readonly string[]): Record<string, SeveritySetting> | string {
  const out: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(spec.trim());
    if (!m) return `--rule expects ID=severity (for example tls-ssl-state-explicit=off), got '${spec}'`;
    if (!isLintRuleId(m[1])) return `--rule: unknown rule id '${m[1]}' (see 'suricata-lint rules')`;
    if (!isSeveritySetting(m[2])) return `--rule ${m[1]}: severity must be off, info, warning or error, got '${m[2]}'`;
    out[m[1]] = m[2];
  }
  return out;
}

export async function runLint(args: LintArgs, io: Io): Promise<number> {
  const formatter = await loadFormatter(args.format);
  if (!formatter) {
    io.stderr(`suricata-lint: unknown format '${args.format}'; use one of: ${FORMAT_NAMES.join(', ')}\n`);
    return EXIT_USAGE;
  }
  if (args.writeBaseline && !args.baseline) {
    io.stderr('suricata-lint: --write-baseline needs --baseline FILE (the file to write)\n');
    return EXIT_USAGE;
  }
  const rules = parseRuleOverrides(args.rule);
  if (typeof rules === 'string') {
    io.stderr(`suricata-lint: ${rules}\n`);
    return EXIT_USAGE;
  }
  const cli: CliLintOptions = { profile: args.profile, ruleOrder: args.ruleOrder, suricataVersion: args.suricataVersion, inline: args.inline, rules };
  const configs = new ConfigResolver(args.config, cli, io);
  if (configs.fatal) return EXIT_USAGE;
  const useEngine = args.engine === 'suricata' || args.enginePath !== undefined;
  let engineVersion: SuricataVersion | undefined;
  if (useEngine) {
    // Fail fast, before any output: the user asked for the engine's verdict and cannot get it.
    // The engine modules (and the host readers they use) load only for --engine.
    const { probeSuricata } = await import('../../engine/run-suricata.js');
    const probe = await probeSuricata(args.enginePath);
    if ('run' in probe) {
      io.stderr(`suricata-lint: --engine suricata: ${oneLine(probe.run.message ?? '')}\n`);
      return EXIT_USAGE;
    }
    engineVersion = probe.version;
  }
  const threshold = args.unsafeFixes ? 'unsafe' : 'safe';
  const wantFixes = args.fix || args.diff;

  const inputs: { path: string; text: string; stamp?: FileStamp }[] = [];
  /** The folder (or file's folder) each input was found under: fixes never follow a symlink out of it. */
  let inputRoots: ReadonlyMap<string, string> = new Map();
  let ioError = false;
  /** Inputs the gate refused: named in the JSON reports as well as on stderr. */
  const refused: { path: string; reason: string }[] = [];
  if (args.stdin) {
    // Through the same gate as files: strict UTF-8, the byte and line limits, the same messages.
    const path = args.stdinFilename ?? '<stdin>';
    const bytes = io.readStdinBytes ? await io.readStdinBytes(MAX_FILE_BYTES + 1) : Buffer.from(await io.readStdin(), 'utf8');
    const r = gateInput(bytes, path);
    if (r.ok) inputs.push({ path, text: r.text });
    else {
      io.stderr(`suricata-lint: ${displayPath(path)}: ${r.reason}\n`);
      refused.push({ path, reason: r.reason });
      ioError = true;
    }
  } else {
    const { files, missing, roots } = await collectFiles(args.paths.length ? args.paths : ['.'], HOST_EXTENSIONS);
    inputRoots = roots;
    for (const m of missing) {
      io.stderr(`suricata-lint: ${displayPath(m.path)}: ${oneLine(m.reason)}\n`);
      ioError = true;
    }
    for (const f of files) {
      if (configs.ignored(f)) continue;
      const r = readTextFile(f);
      if (!r.ok) {
        io.stderr(`suricata-lint: ${displayPath(f)}: ${r.reason}\n`);
        refused.push({ path: f, reason: r.reason });
        ioError = true;
        continue;
      }
      // Files found by searching a folder: .rules always; JSON/YAML/Terraform only when they hold rule groups.
      const explicit = roots.get(f) === f;
      if (!explicit && !f.endsWith('.rules') && !looksLikeRuleGroupHost(r.text)) continue;
      inputs.push({ path: f, text: r.text, stamp: r.stamp });
    }
  }
  // Nothing to lint and a path was wrong: the errors above are the whole answer (no "No problems found in 0 files"),
  // except in JSON, whose report names each refused input.
  if (ioError && inputs.length === 0 && !(refused.length && (args.format === 'json' || args.format === 'json-v1'))) return EXIT_USAGE;
  const lintSource = await loadInputLinter(inputs);
  // Flowbits, QUIC and SNI handling are facts of the whole run: every file's lint sees all of them.
  const facts = await runFacts(inputs, (p) => configs.optionsFor(p));
  const optionsFor = (path: string) => (facts ? { ...configs.optionsFor(path), ruleSet: facts } : configs.optionsFor(path));
  // Temporary files of an earlier run killed mid-write (kill -9, power loss) go before this run writes.
  const writes = args.fix && !args.diff && !args.stdin;
  if (writes) for (const dir of new Set(inputs.map((i) => dirname(resolve(i.path))))) cleanStaleTemporaries(dir);

  // The diff library loads only for --diff.
  const renderDiff = args.diff ? (await import('../../fix/unified-diff.js')).renderDiff : undefined;
  // --diff paths as git gives them (from the work tree's top level), so `--diff | git apply` works from any folder.
  const diffPath = args.diff ? (await import('../diff-paths.js')).diffPathResolver() : undefined;
  const reports: FileReport[] = [];
  let changed = 0;
  let diffs = '';
  const progress = !!io.stderrIsTTY && !MACHINE_FORMATS.has(args.format) && !args.diff && inputs.length >= PROGRESS_MIN_FILES;
  // Many or large inputs, lint only: worker threads share the work (results in input order).
  const threads = !wantFixes && !args.stdin ? (args.threads !== undefined ? cappedThreads(args.threads) : parallelThreads(inputs)) : 1;
  // Looked up only when a run would use threads (a file-system check a plain run does not need).
  const workerUrl = threads > 1 ? lintWorkerUrl() : undefined;
  if (workerUrl) {
    const jobs = inputs.map((input) => ({ path: input.path, text: input.text, options: optionsFor(input.path) }));
    const results = await lintInputsInParallel(jobs, lintSource, workerUrl, threads);
    for (const [i, input] of inputs.entries()) reports.push({ path: input.path, text: input.text, diagnostics: filterQuiet(results[i], args.quiet) });
  }
  for (const [i, input] of inputs.entries()) {
    if (workerUrl) break;
    if (progress && i % progressStep(inputs.length) === 0) io.stderr(progressLine(i + 1, inputs.length, input.path, io.columns));
    const options = optionsFor(input.path);
    const lint = (t: string): Diagnostic[] => lintSource(input.path, t, options);
    if (!wantFixes) {
      reports.push({ path: input.path, text: input.text, diagnostics: filterQuiet(lint(input.text), args.quiet) });
      continue;
    }
    const result = fixWith(input.text, lint, threshold);
    if (result.reverted) {
      io.stderr(`suricata-lint: ${displayPath(input.path)}: fixes from ${result.reverted.join(', ')} would have introduced a parse error and were not applied; please report this\n`);
    }
    const fixedText = result.output;
    // The report says what happened on disk: a fix that could not be written is reported as not applied.
    let written = fixedText !== input.text && (args.stdin || !!renderDiff);
    if (fixedText !== input.text) {
      if (renderDiff) diffs += renderDiff(args.stdin ? input.path : diffPath!(input.path), input.text, fixedText, result.changes);
      else if (!args.stdin) {
        try {
          writeFileSafely(input.path, input.text, fixedText, { tree: inputRoots.get(input.path), readStamp: input.stamp });
          written = true;
        } catch (e) {
          io.stderr(`suricata-lint: ${displayPath(input.path)}: could not write the fixed file, original left intact: ${oneLine((e as Error).message)}\n`);
          ioError = true;
        }
      }
      if (written) changed++;
    }
    const onDisk = args.fix && !args.stdin && !args.diff && written;
    reports.push({
      path: input.path,
      text: onDisk ? fixedText : input.text,
      diagnostics: filterQuiet(onDisk ? result.diagnostics : result.inputDiagnostics, args.quiet),
      output: written ? fixedText : input.text,
      fixesApplied: written ? result.applied.length : 0,
    });
  }

  if (progress) io.stderr(CLEAR_LINE);
  let engineFailed = false;
  if (engineVersion) engineFailed = !(await addEngineDiagnostics(reports, configs, args, engineVersion, io));
  addDuplicateSidsAcrossFiles(reports, configs, args.quiet);
  if (args.changedLinesOnly !== undefined) {
    const { keepChangedLines } = await import('../changed-lines.js');
    const kept = keepChangedLines(reports, args.changedLinesOnly);
    if (typeof kept === 'string') {
      io.stderr(`suricata-lint: --changed-lines-only ${args.changedLinesOnly}: ${kept}\n`);
      return EXIT_USAGE;
    }
    reports.splice(0, reports.length, ...kept);
  }
  if (args.baseline) {
    const { applyBaselineFile } = await import('../baseline-file.js');
    const kept = applyBaselineFile(reports, args.baseline, !!args.writeBaseline, io);
    if (!kept) return EXIT_USAGE;
    reports.splice(0, reports.length, ...kept);
  }
  const report: LintReport = { files: reports, rules: ALL_LINT_RULES.map((r) => r.meta), toolVersion: VERSION, ...(refused.length ? { refused } : {}) };
  const formatContext = { color: useColor(args.color, io.isTTY), maxWarnings: args.maxWarnings, repoUrl: args.repoUrl, sha: args.sha };
  let out: string;
  if (args.diff) out = diffs;
  else if (args.fix && args.stdin) out = reports[0]?.output ?? '';
  else if (args.format === 'text' && !args.outputFile) {
    // Written in pieces as they are formatted: never the whole report as one string.
    const { formatTextChunks } = await import('../../formatters/text.js');
    let batch = '';
    for (const chunk of formatTextChunks(report, formatContext)) {
      batch += chunk;
      if (batch.length >= 1 << 16) {
        io.stdout(batch);
        batch = '';
        await io.stdoutDrained?.();
      }
    }
    out = batch;
  } else out = formatter(report, formatContext);
  if (args.outputFile) {
    try {
      writeOutputFile(args.outputFile, out);
    } catch (e) {
      io.stderr(`suricata-lint: cannot write ${displayPath(args.outputFile)}: ${oneLine((e as Error).message)}\n`);
      return EXIT_USAGE;
    }
  } else io.stdout(out);
  // One summary, of what was written: the text report on stdout has it already; other outputs get it on stderr.
  if (args.fix && args.diff) io.stderr(`suricata-lint: --diff: nothing was written (run --fix without --diff to apply the fixes)\n`);
  else if (writes && changed && (args.format !== 'text' || args.outputFile)) io.stderr(`suricata-lint: fixed ${changed} file${changed === 1 ? '' : 's'}\n`);

  if (ioError || engineFailed) return EXIT_USAGE;
  const s = summarize(report);
  if (args.diff) return changed > 0 ? EXIT_PROBLEMS : s.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  if (s.errors > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && s.warnings > args.maxWarnings) return EXIT_PROBLEMS;
  return EXIT_OK;
}

/**
 * `--engine suricata`: Suricata's verdict on every rule of every report's text (the fixed text after --fix) as
 * engine-error / engine-warning diagnostics. A progress line on a terminal for human formats. False (and a
 * message on stderr) when Suricata could not check the rules; the reports then hold the static findings only.
 */
async function addEngineDiagnostics(reports: FileReport[], configs: ConfigResolver, args: LintArgs, version: SuricataVersion, io: Io): Promise<boolean> {
  const progress = !!io.stderrIsTTY && !MACHINE_FORMATS.has(args.format) && !args.diff;
  const [{ checkFilesWithEngine }, { runSuricata }] = await Promise.all([import('../../engine/check-files-with-engine.js'), import('../../engine/run-suricata.js')]);
  const run = await checkFilesWithEngine(
    reports.map((r) => ({ path: r.path, text: r.text, options: configs.optionsFor(r.path) })),
    {
      suricataPath: args.enginePath,
      // Probed already, before linting.
      engine: { probe: async () => ({ version }), run: runSuricata },
      onRun: progress ? (round, rounds, n) => io.stderr(progressLine(round, rounds, `Suricata: loading ${n} rule${n === 1 ? '' : 's'}`, io.columns)) : undefined,
    },
  );
  if (progress) io.stderr(CLEAR_LINE);
  if (run.status !== 'ok') {
    io.stderr(`suricata-lint: --engine suricata: ${oneLine(run.message ?? '')}\n`);
    return false;
  }
  for (const m of run.general) if (m.level === 'error') io.stderr(`suricata-lint: --engine suricata: Suricata logged: ${oneLine(m.raw)}\n`);
  run.diagnostics.forEach((ds, i) => {
    const kept = filterQuiet(ds, args.quiet);
    // A rule refused by a static check and by Suricata is one finding: the engine's reason goes on the static one.
    if (kept.length) reports[i] = { ...reports[i], diagnostics: mergeEngineConfirmations(reports[i].diagnostics, kept) };
  });
  return true;
}

/** Folder searches look at these; non-.rules files are kept only when they hold rule groups. */
const HOST_EXTENSIONS = ['rules', 'json', 'yaml', 'yml', 'tf'];

/** Config per file: `--config`, or the nearest config file walking up from the file; CLI flags win. */
class ConfigResolver {
  fatal = false;
  private readonly explicit?: LoadedConfig;
  private readonly cache = new Map<string, LoadedConfig>();
  private readonly reported = new Set<string>();

  constructor(
    configPath: string | undefined,
    private readonly cli: CliLintOptions,
    private readonly io: Io,
  ) {
    if (configPath) {
      if (readOrUndefined(configPath) === undefined) {
        io.stderr(`suricata-lint: --config ${configPath}: no such file\n`);
        this.fatal = true;
        return;
      }
      this.explicit = loadConfigFile(configPath, readOrUndefined);
      this.report(this.explicit);
    }
  }

  private report(c: LoadedConfig): void {
    for (const e of c.errors) {
      if (this.reported.has(e)) continue;
      this.reported.add(e);
      this.io.stderr(`suricata-lint: config: ${oneLine(e)}\n`);
    }
  }

  private loaded(path: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const dir = dirname(resolve(path));
    let c = this.cache.get(dir);
    if (!c) {
      c = loadConfigFor(resolve(path), readOrUndefined, process.cwd());
      this.cache.set(dir, c);
      this.report(c);
    }
    return c;
  }

  optionsFor(path: string): EffectiveConfig {
    return mergeConfig(this.loaded(path).config, this.cli);
  }

  ignored(path: string): boolean {
    const c = this.loaded(path);
    const patterns = c.config.ignore ?? [];
    if (!patterns.length || !c.configDir) return false;
    return matchesAny(relative(c.configDir, resolve(path)).split(sep).join('/'), patterns);
  }
}

function readOrUndefined(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** `duplicate-sid` across the .rules files of one run (within a file, the lint rules report it). */
function addDuplicateSidsAcrossFiles(reports: FileReport[], configs: ConfigResolver, quiet: boolean): void {
  const ruleFiles = reports.filter((r) => r.path.endsWith('.rules'));
  if (ruleFiles.length < 2) return;
  const found = findDuplicateSids(ruleFiles, configs.optionsFor(ruleFiles[0].path));
  if (found.length === 0) return;
  const index = new Map(reports.map((r, i) => [r.path, i]));
  for (const { path, diagnostic } of found) {
    if (quiet && diagnostic.severity !== 'error') continue;
    const i = index.get(path);
    if (i !== undefined) reports[i] = { ...reports[i], diagnostics: [...reports[i].diagnostics, diagnostic].sort((a, b) => a.range.start - b.range.start) };
  }
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
