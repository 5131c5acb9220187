import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPathResolver } from '../../src/cli/diff-paths.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';

describe('diffPathResolver: --diff paths as git gives them', () => {
  const repo = (top: string) => (p: string) => p === join(top, '.git');
  it.each([
    // cwd, input path, work tree top (or none) → diff path
    ['/r/rules', './a.rules', '/r', 'rules/a.rules'],
    ['/r/rules', 'a.rules', '/r', 'rules/a.rules'],
    ['/r', 'rules/deep/a.rules', '/r', 'rules/deep/a.rules'],
    ['/elsewhere', '/r/rules/a.rules', '/r', 'rules/a.rules'],
    ['/tmp/x', 'a.rules', undefined, 'a.rules'],
    ['/tmp/x', 'sub/a.rules', undefined, 'sub/a.rules'],
  ])('cwd %s, %s (top %s) → %s', (cwd, path, top, want) => {
    const resolve = diffPathResolver(cwd, top ? repo(top) : () => false);
    expect(resolve(path)).toBe(want);
  });
  it('outside any work tree and outside the current folder: the absolute path (renderDiff drops the leading /)', () => {
    expect(diffPathResolver('/home/u', () => false)('/tmp/x/a.rules')).toBe('/tmp/x/a.rules');
  });
});

const git = spawnSync('git', ['--version']).status === 0;
describe.skipIf(!BUILT || !git)('cd rules && suricata-lint --diff . | git apply (needs git and a build)', () => {
  it('applies from a subfolder and from an absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-diff-git-'));
    try {
      const RULE = 'drop tls any any -> any any (msg:"x"; flow:to_server; sid:1; rev:1;)\n';
      mkdirSync(join(dir, 'rules'));
      writeFileSync(join(dir, 'rules', 'a.rules'), RULE);
      expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
      const sub = runCli(['--diff', '.'], { cwd: join(dir, 'rules') });
      expect(sub.stdout).toContain('--- a/rules/a.rules\n+++ b/rules/a.rules\n');
      const abs = runCli(['--diff', join(dir, 'rules', 'a.rules')], { cwd: tmpdir() });
      expect(abs.stdout).toBe(sub.stdout);
      const apply = spawnSync('git', ['apply'], { cwd: join(dir, 'rules'), input: sub.stdout, encoding: 'utf8' });
      expect(apply.stderr).toBe('');
      expect(readFileSync(join(dir, 'rules', 'a.rules'), 'utf8')).toBe(RULE.replace('(', '(ssl_state:client_hello; '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
