import type { KeywordInfo } from './keyword.js';
import { KEYWORDS } from './keywords.data.js';

/** Every name and alias (lower-case) -> its keyword. Built once; lookups are one Map access. */
const BY_NAME: ReadonlyMap<string, KeywordInfo> = (() => {
  const map = new Map<string, KeywordInfo>();
  for (const keyword of KEYWORDS) {
    map.set(keyword.name, keyword);
    for (const alias of keyword.aliases) map.set(alias, keyword);
  }
  return map;
})();

const ALL_NAMES: readonly string[] = Object.freeze([...BY_NAME.keys()].sort());

/**
 * The keyword called `name` (canonical name or alias), compared case-insensitively like
 * Suricata's `strcasecmp`. `name` must already be trimmed.
 */
export function lookupKeyword(name: string): KeywordInfo | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase());
}

/** The canonical name for a name or alias (`tls_sni` -> `tls.sni`), or undefined when unknown. */
export function canonicalName(name: string): string | undefined {
  return lookupKeyword(name)?.name;
}

/** True when `name` is an alias (not the canonical name) of a known keyword. */
export function isAlias(name: string): boolean {
  const keyword = lookupKeyword(name);
  return keyword !== undefined && keyword.name !== name.toLowerCase();
}

/** Every canonical name and alias, lower-case, sorted: the candidates for "did you mean". */
export function allKeywordNames(): readonly string[] {
  return ALL_NAMES;
}
