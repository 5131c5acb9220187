/**
 * Issue 17 items 1 and 5: every summary and count says what was written, and every file the CLI writes
 * (fixed files, -o reports) goes through the one safe writer.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT, runCli } from './run-cli.js';

// A drop that can match the first segment of a split ClientHello: tls-client-hello-gate's safe fix gates it.
const RULE = 'drop tls any any -> any any (msg:"x"; flow:to_server; sid:1; rev:1;)\n';
const FIXED = 'drop tls any any -> any any (ssl_state:client_hello; msg:"x"; flow:to_server; sid:1; rev:1;)\n';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-written-'));
  file = join(dir, 'a.rules');
  writeFileSync(file, RULE);
  const old = new Date(Date.now() - 10_000);
  utimesSync(file, old, old);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!BUILT)('--fix reports what was written', () => {
  it('a fix that cannot be written (read-only file): JSON says fixesApplied 0 and keeps the finding, text says nothing was fixed, exit 2', () => {
    chmodSync(file, 0o444);
    const json = runCli(['--fix', '-f', 'json', 'a.rules'], { cwd: dir });
    expect(json.status).toBe(2);
    expect(json.stderr).toMatch(/a\.rules: could not write the fixed file, original left intact: it is read-only \(mode 0444\)/);
    expect(json.stderr).not.toMatch(/fixed 1 file/);
    const [report] = JSON.parse(json.stdout);
    expect(report.fixesApplied).toBe(0);
    expect(report.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('tls-client-hello-gate');
    const text = runCli(['--fix', 'a.rules'], { cwd: dir });
    expect(text.status).toBe(2);
    expect(text.stdout).not.toMatch(/Fixed|No problems/);
    expect(readFileSync(file, 'utf8')).toBe(RULE);
    expect(readdirSync(dir)).toEqual(['a.rules']);
  });

  it('a fix written: one summary only (stdout for text; stderr for machine formats), counts from what was written', () => {
    const text = runCli(['--fix', 'a.rules'], { cwd: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Fixed 1 problem in 1 file\./);
    expect(text.stderr).toBe('');
    writeFileSync(file, RULE);
    const old = new Date(Date.now() - 10_000);
    utimesSync(file, old, old);
    const json = runCli(['--fix', '-f', 'json', 'a.rules'], { cwd: dir });
    expect(JSON.parse(json.stdout)[0].fixesApplied).toBe(1);
    expect(json.stderr).toBe('suricata-lint: fixed 1 file\n');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('--fix --diff writes nothing and says so', () => {
    const r = runCli(['--fix', '--diff', 'a.rules'], { cwd: dir });
    expect(r.stdout).toContain('+drop tls any any -> any any (ssl_state:client_hello;');
    expect(r.stderr).toBe('suricata-lint: --diff: nothing was written (run --fix without --diff to apply the fixes)\n');
    expect(readFileSync(file, 'utf8')).toBe(RULE);
  });

  it('stale temporary files of a killed run are removed at the start of --fix, even when nothing needs fixing', () => {
    writeFileSync(file, FIXED);
    const stale = '.a.rules.suricata-lint-999999999-0123456789ab.tmp';
    writeFileSync(join(dir, stale), 'partial copy');
    runCli(['--fix', 'a.rules'], { cwd: dir });
    expect(readdirSync(dir)).toEqual(['a.rules']);
  });
});

describe.skipIf(!BUILT)('-o/--output-file goes through the safe writer', () => {
  it('a symbolic link planted at the report path is not followed: exit 2, its target untouched', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'suricata-lint.sarif'));
    const r = runCli(['-f', 'sarif', '-o', 'suricata-lint.sarif', 'a.rules'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write suricata-lint\.sarif: it is a symbolic link; output files are never written through a link/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('a report is written whole, with no temporary file left', () => {
    writeFileSync(file, FIXED);
    const r = runCli(['-f', 'json', '-o', 'out.json', 'a.rules'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))[0].filePath).toBe('a.rules');
    expect(readdirSync(dir).sort()).toEqual(['a.rules', 'out.json']);
  });
});

describe.skipIf(!BUILT)('--fix on a folder with an in-tree symlink to a file (issue 17 item 12)', () => {
  it('fixes the file once, with no spurious "changed on disk"', () => {
    mkdirSync(join(dir, 'tree'));
    writeFileSync(join(dir, 'tree', 'base.rules'), RULE);
    const old = new Date(Date.now() - 10_000);
    utimesSync(join(dir, 'tree', 'base.rules'), old, old);
    symlinkSync('base.rules', join(dir, 'tree', 'link.rules'));
    const r = runCli(['--fix', 'tree'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'tree', 'base.rules'), 'utf8')).toBe(FIXED);
  });
});
