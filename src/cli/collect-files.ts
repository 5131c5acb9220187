import { statSync } from 'node:fs';
import { glob } from 'tinyglobby';

export const DEFAULT_EXTENSIONS = ['rules'];

export interface CollectedFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be read, with a reason. */
  readonly missing: { path: string; reason: string }[];
}

/**
 * Expands command-line paths: files are taken as given (any extension), folders are searched for
 * `*.rules` (and the extensions given), skipping node_modules and .git. Sorted, deduplicated.
 */
export async function collectFiles(paths: readonly string[], extensions: readonly string[] = DEFAULT_EXTENSIONS): Promise<CollectedFiles> {
  const files = new Set<string>();
  const missing: { path: string; reason: string }[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({ path: p, reason: code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e) });
      continue;
    }
    if (st.isDirectory()) {
      const pattern = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
      const found = await glob(pattern, { cwd: p, ignore: ['**/node_modules/**', '**/.git/**'], dot: false, followSymbolicLinks: false });
      for (const f of found) files.add(joinPath(p, f));
    } else files.add(p);
  }
  return { files: [...files].sort(), missing };
}

function joinPath(dir: string, f: string): string {
  if (dir === '.' || dir === './') return f;
  return `${dir.replace(/[\\/]+$/, '')}/${f}`;
}
