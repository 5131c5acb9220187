import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../src/cli/command-line.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';

describe('splitCommandLine: -- and command words as the user means them', () => {
  const exists = (existing: string[]) => (p: string) => existing.includes(p);
  it.each<[string[], string[], string[], string[], RegExp | undefined]>([
    // argv, existing paths, → args, → paths, note
    [['--', 'rules/egress.rules'], [], [], ['rules/egress.rules'], undefined],
    [['-f', 'json', '--', '-odd.rules', 'rules', '--fix'], [], ['-f', 'json'], ['-odd.rules', 'rules', '--fix'], undefined],
    [['--format', 'junit', '-o', 'r.xml', 'rules'], ['rules'], ['--format', 'junit', '-o', 'r.xml'], ['rules'], /'rules' is an existing path here.*--list-rules/],
    [['rules'], ['rules'], [], ['rules'], /linted as a path/],
    [['explain'], ['explain'], [], ['explain'], /--explain ID/],
    [['a.rules', 'rules'], ['rules'], ['a.rules'], ['rules'], undefined],
    // Not a path: the command, moved to the front so its options may come first.
    [['-f', 'json', 'rules'], [], ['rules', '-f', 'json'], [], undefined],
    [['rules', '-f', 'json'], [], ['rules', '-f', 'json'], [], undefined],
    [['explain', 'missing-msg'], [], ['explain', 'missing-msg'], [], undefined],
    // An option's value is never a command word.
    [['-o', 'rules', 'a.rules'], ['rules'], ['-o', 'rules', 'a.rules'], [], undefined],
    [['--output-file=x', 'rules'], [], ['rules', '--output-file=x'], [], undefined],
    [['--fix', 'rules'], ['rules'], ['--fix'], ['rules'], /linted as a path/],
  ])('%j with %j existing', (argv, existing, args, paths, note) => {
    const r = splitCommandLine(argv, exists(existing));
    expect(r.args).toEqual(args);
    expect(r.paths).toEqual(paths);
    if (note) expect(r.note).toMatch(note);
    else expect(r.note).toBeUndefined();
  });
});

describe.skipIf(!BUILT)('the CLI: paths, commands and array options (built CLI; skipped without `npm run build`)', () => {
  let dir: string;
  const RULE = 'alert tcp any any -> any any (msg:"x"; sid:1; rev:1;)\n';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sl-cmdline-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'egress.rules'), RULE);
    writeFileSync(join(dir, 'other.rules'), 'alert tcp any any -> any any (msg:"y"; sid:2;)\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder named rules is linted (and says so), in every output format', () => {
    const r = runCli(['--format', 'junit', '-o', 'r.xml', 'rules'], { cwd: dir });
    expect(r.stderr).toContain("'rules' is an existing path here, so it is linted as a path");
    expect(r.status).toBe(0);
    const plain = runCli(['rules'], { cwd: dir });
    expect(plain.stdout).toContain('No problems found in 1 file');
  });

  it('--list-rules and `rules -f json` list the lint rules', () => {
    const r = runCli(['--list-rules', '-f', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; severity: Record<string, string> }[];
    expect(list.map((x) => x.id)).toContain('tls-client-hello-gate');
    const elsewhere = runCli(['rules', '-f', 'json'], { cwd: join(dir, 'rules') });
    expect(elsewhere.status).toBe(0);
    expect(JSON.parse(elsewhere.stdout)).toEqual(list);
  });

  it('paths after -- are paths: only they are linted', () => {
    const r = runCli(['-f', 'json', '--', 'rules/egress.rules'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual(['rules/egress.rules']);
  });

  it.each([[['--rule', 'missing-rev=off', 'other.rules']], [['--rule', 'missing-rev=off', '--rule', 'missing-msg=off', 'other.rules', 'rules']]])('an array option takes one value: %j', (argv) => {
    const r = runCli([...argv, '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const files = JSON.parse(r.stdout) as { filePath: string; diagnostics: { ruleId: string }[] }[];
    expect(files.map((f) => f.filePath)).toContain('other.rules');
    expect(files.flatMap((f) => f.diagnostics.map((m) => m.ruleId))).not.toContain('missing-rev');
  });

  it('explain with no id is one usage error', () => {
    const r = runCli(['explain'], { cwd: join(dir, 'rules') });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      "suricata-lint: explain needs a lint rule id, e.g. 'suricata-lint explain tls-client-hello-gate'; 'suricata-lint rules' lists them",
      "Run 'suricata-lint --help' for usage.",
    ]);
  });

  it('a missing path: the error, exit 2, and no "No problems found" report', () => {
    const r = runCli(['nope.rules'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.rules: no such file or directory');
    expect(r.stdout).toBe('');
  });
});
