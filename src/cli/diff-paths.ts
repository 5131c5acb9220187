import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The path `--diff` prints for an input file (after `a/` and `b/`), as `git diff` gives it: relative to the
 * top level of the git work tree holding the file, so `suricata-lint --diff . | git apply` works from any
 * folder of the repository (git apply reads patch paths from the top level). Outside a work tree: relative
 * to `cwd`. The top level is the nearest folder (walking up from the file's) with a `.git` entry (a folder,
 * or the file a linked worktree or submodule has), which is how git finds it when GIT_DIR and
 * GIT_WORK_TREE are unset; no git process is run. `exists` is the file-system probe (tests pass a fake).
 * Returns a function `path → diff path` (with `/` separators) that caches the top level per folder.
 */
export function diffPathResolver(cwd: string = process.cwd(), exists: (path: string) => boolean = existsSync): (path: string) => string {
  const topOf = new Map<string, string | undefined>();
  const topLevel = (dir: string): string | undefined => {
    const seen: string[] = [];
    let d = dir;
    let top: string | undefined;
    for (;;) {
      if (topOf.has(d)) {
        top = topOf.get(d);
        break;
      }
      seen.push(d);
      if (exists(join(d, '.git'))) {
        top = d;
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const s of seen) topOf.set(s, top);
    return top;
  };
  return (path: string) => {
    const abs = resolve(cwd, path);
    const top = topLevel(dirname(abs));
    let rel = relative(top ?? cwd, abs);
    // Outside both (an absolute path elsewhere, no work tree): the absolute path without its leading '/'.
    if (!top && (rel.startsWith('..') || isAbsolute(rel))) rel = abs;
    return rel.split(sep).join('/');
  };
}
