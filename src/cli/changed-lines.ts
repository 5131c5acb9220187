import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import type { FileReport } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';

/**
 * Lines added or changed per file (paths relative to the git top level, `/`-separated; 1-based line
 * numbers of the new file) from `git diff --unified=0` output. A file absent from the map did not change. Pure.
 */
export function changedLinesOf(diff: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).replace(/^"?b\//, '').replace(/"$/, '');
      current = path === '/dev/null' ? undefined : (out.get(path) ?? new Set<number>());
      if (current) out.set(path, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let l = start; l < start + count; l++) current.add(l);
    }
  }
  return out;
}

/**
 * `--changed-lines-only BASE_REF`: keeps the findings on lines that differ from BASE_REF (git diff BASE_REF,
 * working tree included), for pull-request runs on repositories with old findings. Files git does not know
 * (untracked) keep every finding. Returns the filtered reports, or a one-line reason git could not answer.
 */
export function keepChangedLines(reports: readonly FileReport[], baseRef: string, cwd: string = process.cwd()): FileReport[] | string {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  if (top.status !== 0) return `not inside a git work tree (${(top.stderr || top.error?.message || '').trim().split('\n')[0]})`;
  const root = top.stdout.trim();
  const diff = spawnSync('git', ['diff', '--unified=0', '--no-color', '--no-ext-diff', baseRef, '--'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (diff.status !== 0) return `git diff ${baseRef} failed: ${(diff.stderr || diff.error?.message || '').trim().split('\n')[0]}`;
  const changed = changedLinesOf(diff.stdout);
  const tracked = new Set(spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.split('\0'));
  return reports.map((f) => {
    const path = relative(root, resolve(cwd, f.path)).split(sep).join('/');
    if (!tracked.has(path)) return f;
    const lines = changed.get(path);
    const src = new SourceFile(f.path, f.text);
    const diagnostics = f.diagnostics.filter((d) => {
      if (!lines) return false;
      const first = src.positionAt(d.range.start).line;
      const last = src.positionAt(Math.max(d.range.start, d.range.end - 1)).line;
      for (let l = first; l <= last; l++) if (lines.has(l)) return true;
      return false;
    });
    return diagnostics.length === f.diagnostics.length ? f : { ...f, diagnostics };
  });
}
