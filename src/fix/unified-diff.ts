import { createTwoFilesPatch } from 'diff';

/**
 * A git-apply compatible unified diff of one file (`a/` and `b/` prefixes, 3 lines of context).
 * Empty string when nothing changed.
 */
export function renderDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${p}`, `b/${p}`, before, after, undefined, undefined, { context: 3 });
  // The diff package starts with an "Index:"/"====" banner only for createPatch; strip any banner lines before "---".
  const lines = patch.split('\n');
  const startIdx = lines.findIndex((l) => l.startsWith('--- '));
  const body = lines.slice(startIdx).join('\n');
  return `diff --git a/${p} b/${p}\n${body.replace(/\t$/gm, '')}`;
}
