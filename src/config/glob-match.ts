/**
 * Minimal glob matching for `ignore` patterns, on `/`-separated paths: `**` spans folders, `*` and
 * `?` stay inside one segment. A pattern without `/` matches a file or folder name at any depth
 * (like .gitignore); a pattern ending in `/` matches a folder and everything under it.
 */
export function globToRegExp(pattern: string): RegExp {
  let p = pattern.replace(/\\/g, '/').trim();
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('./')) p = p.slice(2);
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        i++;
        if (p[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${re}(?:/.*)?$`);
}

/** Whether `relativePath` (relative to the config's folder, `/`-separated) matches any pattern. */
export function matchesAny(relativePath: string, patterns: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return patterns.some((p) => globToRegExp(p).test(path));
}
