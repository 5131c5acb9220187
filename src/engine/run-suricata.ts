import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { parseEngineAnalysis } from './engine-analysis.js';
import { parseEngineLog } from './engine-output.js';
import { NEUTRAL_FILES, neutraliseRulesText } from './neutralise-file-options.js';
import type { EngineMessage, EngineRuleResult, EngineRun } from './engine-result.js';
import { readLoaderStatements } from './loader-statements.js';
import { collectRuleUsage, type RuleVariable } from './rule-usage.js';
import { ENGINE_LOG_FILE, buildSuricataConfig } from './suricata-config.js';
import { MIN_SURICATA_MAJOR, parseSuricataVersion, type SuricataVersion } from './suricata-version.js';

export interface RunSuricataOptions {
  /** The Suricata binary; `suricata` on PATH by default. */
  readonly suricataPath?: string;
  /** Values for variables (others get defaults, see `buildSuricataConfig`). */
  readonly variables?: readonly (RuleVariable & { readonly value?: string })[];
  /** Kills Suricata after this long; 120 s by default. */
  readonly timeoutMs?: number;
  /** Run `--engine-analysis` instead of `-T`: adds its warnings and the `rules.json` entries. */
  readonly analysis?: boolean;
}

interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `ENOENT`, `EACCES`, ... when the program could not be started. */
  readonly spawnError?: string;
  readonly spawnMessage?: string;
  /** Stopped by the timeout. */
  readonly killed: boolean;
}

/** Runs a program without a shell; never rejects. */
function run(file: string, args: readonly string[], opts: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd: opts.cwd, timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: opts.env, windowsHide: true }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      const spawnError = error && typeof error.code === 'string' ? error.code : undefined;
      resolve({ code, stdout: String(stdout), stderr: String(stderr), spawnError, spawnMessage: spawnError ? error?.message : undefined, killed: !!error?.killed });
    });
  });
}

/**
 * The only variables Suricata is given: what finding the program and its libraries, the locale and temporary
 * files need. Nothing else passes, so tokens and cloud credentials of a CI job (GITHUB_TOKEN, AWS_*, ...) never
 * reach the engine, and SC_LOG_* cannot override the generated log format.
 */
export const ENGINE_ENV_KEYS: readonly string[] = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'TZ', 'TMPDIR', 'LD_LIBRARY_PATH', 'SYSTEMROOT'];

/** The minimal environment for Suricata (ENGINE_ENV_KEYS). */
export function engineEnv(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ENGINE_ENV_KEYS) if (from[k] !== undefined) env[k] = from[k];
  return env;
}

/**
 * A path with a folder part (`./suri`, `bin/suricata`) made absolute against the current folder: Suricata
 * runs in a temporary folder, where a relative path would name nothing. A bare name is looked up on PATH.
 */
export function enginePathFor(suricataPath: string): string {
  return suricataPath.includes('/') || suricataPath.includes('\\') ? resolvePath(suricataPath) : suricataPath;
}

/** Finds the engine and its version; an `EngineRun` to return as is when it cannot be used. */
export async function probeSuricata(suricataPath = 'suricata', timeoutMs = 15_000): Promise<{ version: SuricataVersion } | { run: EngineRun }> {
  const probe = await run(enginePathFor(suricataPath), ['-V'], { timeoutMs, env: engineEnv() });
  if (probe.spawnError === 'ENOENT' || probe.spawnError === 'EACCES') {
    const message =
      suricataPath === 'suricata'
        ? 'Suricata was not found on PATH; install it (apt install suricata) or pass --engine-path.'
        : `Suricata was not found at ${suricataPath}; check --engine-path, or install Suricata (apt install suricata).`;
    return { run: { status: 'missing', message, results: [] } };
  }
  const version = parseSuricataVersion(`${probe.stdout}\n${probe.stderr}`);
  if (!version) {
    const why = probe.spawnMessage ?? ((probe.stderr || probe.stdout).trim().slice(0, 300) || 'it printed nothing');
    return { run: { status: 'failed', message: `${suricataPath} -V did not print a Suricata version (${why}); is it Suricata?`, results: [] } };
  }
  if (version.major < MIN_SURICATA_MAJOR) {
    return { run: { status: 'too-old', version: version.text, message: `Suricata ${version.text} is too old: the engine check needs Suricata ${MIN_SURICATA_MAJOR}.0 or newer.`, results: [] } };
  }
  return { version };
}

/**
 * Loads `rulesText` into the real Suricata (`suricata -T`, or `--engine-analysis` with `analysis: true`) with
 * a generated minimal config, and returns Suricata's verdict and messages for every rule statement (lines of
 * `rulesText`). Works in a fresh temporary directory, removed afterwards; never uses a shell; never rejects.
 */
export async function runSuricata(rulesText: string, opts: RunSuricataOptions = {}): Promise<EngineRun> {
  const suricataPath = enginePathFor(opts.suricataPath ?? 'suricata');
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const probed = await probeSuricata(suricataPath);
  if ('run' in probed) return probed.run;
  const version = probed.version.text;

  const usage = collectRuleUsage(readLoaderStatements(rulesText).map((s) => s.text));
  const given = new Map((opts.variables ?? []).map((v) => [`${v.kind}:${v.name}`, v]));
  const variables = [...usage.variables.map((v) => given.get(`${v.kind}:${v.name}`) ?? v), ...(opts.variables ?? [])];

  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(tmpdir(), 'suricata-lint-'));
    const logDir = join(dir, 'log');
    await mkdir(logDir);
    const rulesPath = join(dir, 'rules.rules');
    const configPath = join(dir, 'suricata.yaml');
    // Rules never make Suricata read a file they name: those options point at an empty file of this run.
    for (const f of Object.values(NEUTRAL_FILES)) await writeFile(join(dir, f.name), f.content);
    const engineText = neutraliseRulesText(rulesText, dir);
    const statements = readLoaderStatements(engineText);
    await writeFile(rulesPath, engineText);
    await writeFile(configPath, buildSuricataConfig({ variables, protocols: usage.protocols, logDir, ...configFiles() }));
    const mode = opts.analysis ? '--engine-analysis' : '-T';
    const proc = await run(suricataPath, [mode, '-c', configPath, '-S', rulesPath, '-l', logDir], { cwd: dir, timeoutMs, env: engineEnv() });
    if (proc.killed) {
      return { status: 'failed', version, message: `Suricata did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`, results: [] };
    }
    const logText = await readFile(join(logDir, ENGINE_LOG_FILE), 'utf8').catch(() => '');
    const log = parseEngineLog(`${logText}\n${proc.stderr}\n${proc.stdout}`, statements);
    if (!log.complete) {
      const detail = [...log.general, ...log.results.flatMap((r) => r.messages)].map((m) => m.raw).slice(-5).join('\n') || (proc.stderr || proc.stdout).trim().split('\n').slice(-5).join('\n');
      return { status: 'failed', version, message: `Suricata stopped before it had loaded the rules (exit code ${proc.code ?? 'none'}).${detail ? `\n${detail}` : ''}`, results: log.results, general: log.general };
    }
    if (!opts.analysis) return { status: 'ok', version, results: log.results, general: log.general };

    const analysis = parseEngineAnalysis(
      await readFile(join(logDir, 'rules.json'), 'utf8').catch(() => ''),
      await readFile(join(logDir, 'rules_analysis.txt'), 'utf8').catch(() => ''),
      statements,
    );
    const results: EngineRuleResult[] = log.results.map((r) => {
      const extra: EngineMessage[] = (analysis.warnings.get(r.line) ?? []).filter((w) => !r.messages.some((m) => m.text === w.text));
      return extra.length ? { ...r, messages: [...r.messages, ...extra] } : r;
    });
    return { status: 'ok', version, results, general: log.general, analysis: Object.fromEntries(analysis.entries) };
  } catch (error) {
    return { status: 'failed', version, message: `Could not run Suricata: ${(error as Error).message}`, results: [] };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Classification and reference files of the installed Suricata, when they are where Debian puts them. */
function configFiles(): { classificationFile?: string; referenceConfigFile?: string } {
  const out: { classificationFile?: string; referenceConfigFile?: string } = {};
  for (const base of ['/etc/suricata', '/usr/local/etc/suricata', '/opt/homebrew/etc/suricata']) {
    if (!out.classificationFile && existsSync(join(base, 'classification.config'))) out.classificationFile = join(base, 'classification.config');
    if (!out.referenceConfigFile && existsSync(join(base, 'reference.config'))) out.referenceConfigFile = join(base, 'reference.config');
  }
  return out;
}
