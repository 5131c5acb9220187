import * as nodeFs from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

export const DEFAULT_EXTENSIONS = ['rules'];

/** Folders never searched. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface CollectedFiles {
  readonly files: string[];
  /** Paths that do not exist, cannot be read or are not followed, each with a one-line reason. */
  readonly missing: { path: string; reason: string }[];
  /**
   * For each file, the tree it was found under (the command-line folder, or the folder of a file
   * named on the command line). Pass it to `writeFileSafely(..., { tree })` so that a symbolic link
   * is fixed only when its target lies inside that tree.
   */
  readonly roots: ReadonlyMap<string, string>;
}

/** The file-system calls the collector makes; tests pass a fake to inject faults. */
export interface CollectFs {
  statSync(path: string): nodeFs.Stats;
  lstatSync(path: string): nodeFs.Stats;
  realpathSync(path: string): string;
  readdirSync(path: string): nodeFs.Dirent[];
}

export const nodeCollectFs: CollectFs = {
  statSync: (p) => nodeFs.statSync(p),
  lstatSync: (p) => nodeFs.lstatSync(p),
  realpathSync: (p) => nodeFs.realpathSync(p),
  readdirSync: (p) => nodeFs.readdirSync(p, { withFileTypes: true }),
};

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  ENOTDIR: 'a component of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
};

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function joinPath(dir: string, f: string): string {
  if (dir === '.' || dir === './') return f;
  return join(dir, f);
}

/**
 * Expands command-line paths. A file is taken as given (any extension, symbolic links followed:
 * the user named it). A folder is walked (iteratively, so depth cannot overflow the stack) for
 * files with one of `extensions`, skipping dot-entries, node_modules and .git; symbolic links to
 * folders are not walked; a symbolic link to a file is taken only when its target lies inside the
 * folder given, otherwise it is reported in `missing` (never followed silently). Sorted, deduplicated.
 */
export async function collectFiles(paths: readonly string[], extensions: readonly string[] = DEFAULT_EXTENSIONS, fs: CollectFs = nodeCollectFs): Promise<CollectedFiles> {
  const files = new Set<string>();
  const roots = new Map<string, string>();
  const missing: { path: string; reason: string }[] = [];
  const wanted = (name: string) => extensions.some((e) => name.endsWith(`.${e}`) && name.length > e.length + 1);
  /** Real path -> the path taken for it: a file reached twice (a symlink in the tree and its target) is taken once. */
  const byReal = new Map<string, { file: string; link: boolean }>();
  const add = (file: string, root: string, real?: string, link = false) => {
    if (real !== undefined) {
      const seen = byReal.get(real);
      if (seen && seen.file !== file) {
        // The file itself wins over a link to it; otherwise the first path found stays.
        if (link || !seen.link) return;
        files.delete(seen.file);
        roots.delete(seen.file);
      }
      byReal.set(real, { file, link });
    }
    files.add(file);
    if (!roots.has(file)) roots.set(file, root);
  };

  for (const p of paths) {
    let st: nodeFs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      missing.push({ path: p, reason: reasonOf(e) });
      continue;
    }
    if (!st.isDirectory()) {
      let real: string | undefined;
      try {
        real = fs.realpathSync(p);
      } catch {
        /* reported when it is read */
      }
      add(p, dirname(p), real);
      continue;
    }
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(p);
    } catch (e) {
      missing.push({ path: p, reason: reasonOf(e) });
      continue;
    }
    const before = files.size;
    const stack: string[] = [p];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries: nodeFs.Dirent[];
      try {
        entries = fs.readdirSync(dir);
      } catch (e) {
        missing.push({ path: dir, reason: `folder ${reasonOf(e)}` });
        continue;
      }
      for (const entry of entries) {
        const name = entry.name;
        if (name.startsWith('.')) continue;
        const full = joinPath(dir, name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(name)) stack.push(full);
          continue;
        }
        if (!wanted(name)) continue;
        if (entry.isSymbolicLink()) {
          let target: string;
          try {
            target = fs.realpathSync(full);
          } catch (e) {
            missing.push({ path: full, reason: `symbolic link: ${reasonOf(e)}` });
            continue;
          }
          if (!isInside(target, realRoot)) {
            missing.push({ path: full, reason: `is a symbolic link to ${target}, outside ${p}; not followed (name it on the command line to lint it)` });
            continue;
          }
          let tst: nodeFs.Stats;
          try {
            tst = fs.statSync(full);
          } catch (e) {
            missing.push({ path: full, reason: reasonOf(e) });
            continue;
          }
          if (tst.isDirectory()) continue;
          add(full, p, target, true);
          continue;
        }
        // Folders reached by the walk are real (symlinked folders are not walked): the real path is under realRoot.
        add(full, p, join(realRoot, relative(p, full)));
      }
    }
    if (files.size === before) {
      missing.push({ path: p, reason: extensions.includes('rules') ? 'no *.rules files (or rule group .json/.yaml/.yml/.tf files) in this folder' : `no *.{${extensions.join(',')}} files in this folder` });
    }
  }
  return { files: [...files].sort(), missing, roots };
}
