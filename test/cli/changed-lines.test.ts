import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedLinesOf } from '../../src/cli/changed-lines.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';

describe('changedLinesOf: lines of the new file from git diff -U0', () => {
  it('reads hunks per file (added, changed; deletions add nothing)', () => {
    const diff = [
      'diff --git a/rules/a.rules b/rules/a.rules',
      '--- a/rules/a.rules',
      '+++ b/rules/a.rules',
      '@@ -2,0 +3,2 @@',
      '+x',
      '+y',
      '@@ -9 +11 @@',
      '-old',
      '+new',
      '@@ -20,3 +21,0 @@',
      'diff --git a/gone.rules b/gone.rules',
      '--- a/gone.rules',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
    ].join('\n');
    const m = changedLinesOf(diff);
    expect([...m.keys()]).toEqual(['rules/a.rules']);
    expect([...m.get('rules/a.rules')!].sort((a, b) => a - b)).toEqual([3, 4, 11]);
  });
});

const git = spawnSync('git', ['--version']).status === 0;
describe.skipIf(!BUILT || !git)('--changed-lines-only REF (built CLI, git)', () => {
  it('reports only the findings on lines changed since REF; outside git it is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-changed-'));
    const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
    const g = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
    try {
      const OLD = 'drop tls any any -> any any (msg:"old"; flow:to_server; sid:1; rev:1;)\n';
      const NEW = 'drop tls any any -> any any (msg:"new"; flow:to_server; sid:2; rev:1;)\n';
      expect(runCli(['--changed-lines-only', 'HEAD', '-f', 'json', '.'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } }).status).toBe(2);
      g('init', '-q');
      writeFileSync(join(dir, 'a.rules'), OLD);
      g('add', '.');
      g('commit', '-qm', 'base');
      writeFileSync(join(dir, 'a.rules'), `# c\n${OLD}${NEW}`);
      const r = runCli(['--changed-lines-only', 'HEAD', '-f', 'json', 'a.rules'], { cwd: dir });
      const [file] = JSON.parse(r.stdout) as { diagnostics: { line: number }[] }[];
      expect(file.diagnostics.length).toBeGreaterThan(0);
      expect([...new Set(file.diagnostics.map((d) => d.line))]).toEqual([3]);
      const all = JSON.parse(runCli(['-f', 'json', 'a.rules'], { cwd: dir }).stdout) as { diagnostics: { line: number }[] }[];
      expect(all[0].diagnostics.map((d) => d.line)).toContain(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
