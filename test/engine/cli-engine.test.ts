/**
 * `--engine suricata` end to end: the built CLI (bin/suricata-lint.js → dist/, `npm run build` first) as a child
 * process, without a shell. The live tests need Suricata 7+ on PATH and skip, saying why, without it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint, type Io } from '../../src/cli/commands/lint.js';
import { SURICATA_VERSION } from '../helpers/suricata.js';

const BIN = fileURLToPath(new URL('../../bin/suricata-lint.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));
const FIXTURES = fileURLToPath(new URL('./fixtures/cli/', import.meta.url));
const RULES = join(FIXTURES, 'engine-only.rules');
const YAML = join(FIXTURES, 'rule-group.yaml');
const JSON_HOST = join(FIXTURES, 'rule-group.json');

const version = SURICATA_VERSION;
const live = BUILT && version !== undefined && Number(version.split('.')[0]) >= 7;
if (!BUILT) console.log('cli-engine: skipped: dist/ is missing (npm run build)');
else if (!live) console.log('cli-engine: live tests skipped: suricata 7+ is not on PATH (run .ci/install-engine.sh)');

const temps: string[] = [];
afterAll(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sl-cli-engine-'));
  temps.push(d);
  return d;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
/** Runs the CLI with its own verdict cache (XDG_CACHE_HOME), so runs do not share one unless asked to. */
function cli(args: string[], opts: { cache?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: opts.cache ?? tempDir(), ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    // A guard against a hang only (the test then fails on status === null), not a timing assertion.
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
  related?: { message: string }[];
}
function diagnosticsOf(stdout: string): Record<string, JsonDiagnostic[]> {
  const files = JSON.parse(stdout) as { filePath: string; diagnostics: JsonDiagnostic[] }[];
  return Object.fromEntries(files.map((f) => [f.filePath, f.diagnostics]));
}
const engineOnly = (ds: readonly JsonDiagnostic[] = []) => ds.filter((d) => d.ruleId.startsWith('engine-'));

/** A stand-in for Suricata: a script that prints `version` for -V and exits `code` otherwise. */
function fakeSuricata(versionLine: string, code = 0): string {
  const path = join(tempDir(), 'suricata');
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = "-V" ]; then echo "${versionLine}"; exit 0; fi\nexit ${code}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe.skipIf(!BUILT)('--engine without a usable Suricata', () => {
  it('--engine-path /nonexistent: one line on stderr, nothing on stdout, exit 2', () => {
    const r = cli([RULES, '--engine-path', '/nonexistent']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('suricata-lint: --engine suricata: Suricata was not found at /nonexistent; check --engine-path, or install Suricata (apt install suricata).\n');
  });

  it('--engine suricata with no suricata on PATH says how to get one, exit 2', () => {
    const r = cli([RULES, '--engine', 'suricata', '-f', 'json'], { env: { PATH: tempDir() } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('suricata-lint: --engine suricata: Suricata was not found on PATH; install it (apt install suricata) or pass --engine-path.\n');
  });

  it('refuses a Suricata older than 7, exit 2', () => {
    const r = cli([RULES, '--engine-path', fakeSuricata('This is Suricata version 6.0.20 RELEASE')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('suricata-lint: --engine suricata: Suricata 6.0.20 is too old: the engine check needs Suricata 7.0 or newer.\n');
  });

  it('refuses a program that is not Suricata, exit 2', () => {
    const r = cli([RULES, '--engine-path', process.execPath]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^suricata-lint: --engine suricata: .* -V did not print a Suricata version \(.*\); is it Suricata\?\n$/);
  });

  it('when Suricata fails while loading: the static report, the reason on stderr, exit 2', () => {
    const r = cli([RULES, '--engine-path', fakeSuricata('This is Suricata version 7.0.10 RELEASE', 1), '-f', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^suricata-lint: --engine suricata: Suricata stopped before it had loaded the rules \(exit code 1\)\./);
    expect(diagnosticsOf(r.stdout)[RULES]).toEqual([]);
  });

  it('rejects an unknown engine name as a usage error', () => {
    const r = cli([RULES, '--engine', 'snort']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Invalid values:[\s\S]*engine[\s\S]*suricata/);
  });

  it('lists and explains engine-error and engine-warning', () => {
    const list = cli(['rules']);
    expect(list.stdout).toMatch(/^engine-error +aws-nfw:error +suricata:error +fix:none/m);
    expect(list.stdout).toMatch(/^engine-warning +aws-nfw:warning +suricata:warning +fix:none/m);
    const explain = cli(['explain', 'engine-error']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/^engine-error \(engine\)\n\nThe real Suricata engine \(--engine suricata\) refuses to load this rule\./);
  });
});

describe.skipIf(!live)('--engine suricata with the installed Suricata', () => {
  it('the fixtures hold no error for the static checks alone', () => {
    const r = cli([RULES, YAML, JSON_HOST, '-f', 'json']);
    expect(r.status).toBe(0);
    for (const ds of Object.values(diagnosticsOf(r.stdout))) expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports the rule Suricata rejects on its line, in text format, exit 1', () => {
    const r = cli([RULES, '--engine', 'suricata']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${RULES}:3:1  error  Suricata ${version} rejects this rule: the rule mixes keywords with conflicting directions  engine-error\n`);
    expect(r.stdout).toContain('= help: engine said: Error: detect-parse: rule 2 mixes keywords with conflicting directions\n');
    expect(r.stdout).not.toMatch(/engine-only\.rules:2:/);
  });

  it('maps the engine error to host coordinates in CloudFormation YAML and rule group JSON (JSON output)', () => {
    const r = cli([RULES, YAML, JSON_HOST, '--engine', 'suricata', '-f', 'json']);
    expect(r.status).toBe(1);
    const byFile = diagnosticsOf(r.stdout);
    const rejected = readFileSync(RULES, 'utf8').split('\n')[2];
    const expected = {
      ruleId: 'engine-error',
      severity: 'error',
      message: `Suricata ${version} rejects this rule: the rule mixes keywords with conflicting directions`,
      hint: 'engine said: Error: detect-parse: rule 2 mixes keywords with conflicting directions',
    };
    expect(engineOnly(byFile[RULES])).toEqual([{ ...expected, line: 3, column: 1, endLine: 3, endColumn: rejected.length + 1 }]);
    // The YAML block scalar is indented by 12 spaces.
    expect(engineOnly(byFile[YAML])).toEqual([{ ...expected, line: 14, column: 13, endLine: 14, endColumn: 13 + rejected.length }]);
    // In the JSON string the rule starts after the `\n` escape of the first rule's end.
    const jsonLine = readFileSync(JSON_HOST, 'utf8').split('\n')[6];
    const column = jsonLine.indexOf('\\nalert') + 3;
    const [d] = engineOnly(byFile[JSON_HOST]);
    expect(d).toMatchObject({ ...expected, line: 7, column, endLine: 7 });
    // Escaped quotes make the rule longer in the host text than in the decoded one.
    expect(d.endColumn - d.column).toBe(rejected.length + (rejected.match(/"/g) ?? []).length);
  });

  it('reads --stdin like a file', () => {
    const r = cli(['--stdin', '--stdin-filename', 'piped.rules', '--engine', 'suricata', '-f', 'json'], { input: readFileSync(RULES, 'utf8') });
    expect(r.status).toBe(1);
    expect(engineOnly(diagnosticsOf(r.stdout)['piped.rules']).map((d) => [d.ruleId, d.line])).toEqual([['engine-error', 3]]);
  });

  it('caches verdicts per rule: a second run sends only the changed rule and reports the same', () => {
    const cache = tempDir();
    const dir = tempDir();
    const file = join(dir, 'rules.rules');
    copyFileSync(RULES, file);
    const first = cli([file, '--engine', 'suricata', '-f', 'json'], { cache });
    const cacheFile = join(cache, 'suricata-lint', 'engine.json');
    const entries = () => Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: object }).entries).length;
    expect(entries()).toBe(2);
    const second = cli([file, '--engine', 'suricata', '-f', 'json'], { cache });
    expect(second.stdout).toBe(first.stdout);
    expect(entries()).toBe(2);
    writeFileSync(file, readFileSync(RULES, 'utf8').replace('msg:"login page"', 'msg:"login page!"'));
    const third = cli([file, '--engine', 'suricata', '-f', 'json'], { cache });
    expect(entries()).toBe(3);
    expect(engineOnly(diagnosticsOf(third.stdout)[file]).map((d) => d.line)).toEqual([3]);
  });

  it('checks rules of different files that share a sid apart (no "Duplicate signature")', () => {
    const dir = tempDir();
    const other = join(dir, 'other.rules');
    writeFileSync(other, 'alert tcp $HOME_NET any -> $EXTERNAL_NET 22 (msg:"ssh"; flow:to_server,established; sid:1; rev:1;)\n');
    const r = cli([RULES, other, '--engine', 'suricata', '-f', 'json']);
    const byFile = diagnosticsOf(r.stdout);
    expect(engineOnly(byFile[other])).toEqual([]);
    expect(engineOnly(byFile[RULES]).map((d) => d.line)).toEqual([3]);
  });

  it('reports engine-analysis warnings as engine-warning; --rule engine-warning=off and --quiet drop them', () => {
    const dir = tempDir();
    const file = join(dir, 'warn.rules');
    const rule = 'alert tcp any any -> any any (msg:"any TCP"; sid:10; rev:1;)';
    writeFileSync(file, `${rule}\nalert tcp any any -> any any (msg:"any TCP"; flow:to_server,established; sid:11; rev:1;)\n`);
    const r = cli([file, '--engine', 'suricata', '-f', 'json']);
    expect(r.status).toBe(0);
    expect(engineOnly(diagnosticsOf(r.stdout)[file])).toEqual([
      {
        ruleId: 'engine-warning',
        severity: 'warning',
        message: `Suricata ${version}'s engine analysis: rule is inspecting both the request and the response`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: rule.length + 1,
        hint: 'engine said: rules_analysis.txt: Rule is inspecting both the request and the response.',
      },
    ]);
    expect(engineOnly(diagnosticsOf(cli([file, '--engine', 'suricata', '-f', 'json', '--rule', 'engine-warning=off']).stdout)[file])).toEqual([]);
    expect(engineOnly(diagnosticsOf(cli([file, '--engine', 'suricata', '-f', 'json', '--quiet']).stdout)[file])).toEqual([]);
    expect(cli([file, '--engine', 'suricata', '--max-warnings', '0']).status).toBe(1);
  });

  it('with --fix, checks the fixed text: a rule the fix repairs is no longer rejected', () => {
    const dir = tempDir();
    const file = join(dir, 'cased.rules');
    writeFileSync(file, 'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:Client_Hello; tls.sni; content:"pastebin.com"; endswith; msg:"Paste sites"; flow:to_server; sid:7; rev:1;)\n');
    const before = cli([file, '--engine', 'suricata', '-f', 'json']);
    // Refused by a static check too: one finding, with Suricata's reason as a related note on it.
    const casing = diagnosticsOf(before.stdout)[file].find((d) => d.ruleId === 'tls-ssl-state-never-matches');
    expect(casing).toBeDefined();
    expect(casing?.related?.map((r) => r.message)).toEqual([`Suricata ${version} rejects this rule: found invalid option "Client_Hello" in ssl_state keyword`]);
    expect(engineOnly(diagnosticsOf(before.stdout)[file])).toEqual([]);
    const fixed = cli([file, '--engine', 'suricata', '--fix', '-f', 'json']);
    expect(readFileSync(file, 'utf8')).toContain('ssl_state:client_hello;');
    expect(engineOnly(diagnosticsOf(fixed.stdout)[file]).filter((d) => d.ruleId === 'engine-error')).toEqual([]);
  });
});

describe.skipIf(!live)('--engine progress line', () => {
  function io(tty: boolean) {
    const out = { stdout: '', stderr: '' };
    const value: Io = { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), readStdin: async () => '', isTTY: false, stderrIsTTY: tty, columns: 80 };
    return { out, io: value };
  }
  const args = { paths: [RULES], fix: false, diff: false, unsafeFixes: false, rule: [], quiet: false, stdin: false, engine: 'suricata' as const };

  it('shows on a terminal for human formats while Suricata runs, then clears it; never in machine formats', async () => {
    const saved = process.env.XDG_CACHE_HOME;
    try {
      process.env.XDG_CACHE_HOME = tempDir();
      const text = io(true);
      expect(await runLint({ ...args, format: 'text' }, text.io)).toBe(1);
      expect(text.out.stderr).toBe('\r\u001b[K[1/1] Suricata: loading 2 rules\r\u001b[K');
      process.env.XDG_CACHE_HOME = tempDir();
      const json = io(true);
      await runLint({ ...args, format: 'json' }, json.io);
      expect(json.out.stderr).toBe('');
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });
});
