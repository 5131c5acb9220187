import type { KeywordInfo } from './keyword.js';
import type { ValueProblem } from './value-grammar.js';

/**
 * Keywords registered with SIGMATCH_HANDLE_NEGATION in Suricata 7.0.10 (`git grep SIGMATCH_HANDLE_NEGATION src`):
 * for these the option gate removes a leading `!` before it looks at quotes.
 */
export const NEGATABLE_KEYWORDS: ReadonlySet<string> = new Set([
  'content', 'uricontent', 'pcre', 'app-layer-protocol', 'tls.fingerprint', 'tls.issuerdn', 'tls.subject', 'fileext', 'filemagic', 'filename', 'replace', 'tos',
]);

/** What the gate makes of a value: what Setup gets (`value`), or why the rule is refused before Setup runs. */
export type GateResult = { readonly value: string; readonly problem?: undefined } | { readonly value?: undefined; readonly problem: ValueProblem };

const isBlank = (c: string) => c === ' ' || c === '\t';

/**
 * The value checks of Suricata 7's SigParseOptions (src/detect-parse.c) that run for every keyword before its
 * Setup function: leading blanks skipped, `!` removed for negatable keywords, quotes required
 * (SIGMATCH_QUOTES_MANDATORY), allowed (QUOTES_OPTIONAL: the closing quote must end the value, and `""` is empty:
 * "bad input") or refused ("quotes on ... keyword that doesn't support them"). `raw` is the value after the `:`,
 * trailing blanks already removed (as Suricata removes them). Pure.
 */
export function gateOptionValue(info: KeywordInfo, raw: string): GateResult {
  let p = 0;
  while (p < raw.length && isBlank(raw[p])) p++;
  const name = info.name;
  if (p === raw.length) return { problem: { message: `${name} has an empty value`, engine: `invalid formatting or malformed option to ${name} keyword` } };
  if (NEGATABLE_KEYWORDS.has(name) && raw[p] === '!') {
    p++;
    while (p < raw.length && isBlank(raw[p])) p++;
    if (p === raw.length) return { problem: { message: `${name} has only '!' as its value`, engine: `invalid formatting or malformed option to ${name} keyword` } };
  }
  let v = raw.slice(p);
  if (info.quotes === 'mandatory' && v[0] !== '"') return { problem: { message: `the value of ${name} must be double quoted`, hint: `write ${name}:"${v}";`, engine: `invalid formatting to ${name} keyword: value must be double quoted` } };
  if (info.quotes !== 'never' && v[0] === '"') {
    if (v.length < 2 || v[v.length - 1] !== '"') {
      return { problem: { message: `the value of ${name} opens a quote that does not end the value (possible missing semicolon)`, hint: 'end the option with ";" right after the closing quote', engine: `bad option value formatting (possible missing semicolon) for keyword ${name}` } };
    }
    v = v.slice(1, -1);
    if (v === '') return { problem: { message: `${name} has an empty value ""`, hint: `give ${name} a value, or remove the option`, engine: `bad input for keyword ${name}` } };
    return { value: v };
  }
  if (info.quotes === 'never' && v[0] === '"') {
    return { problem: { message: `${name} does not take a quoted value`, hint: v.length > 1 && v.endsWith('"') ? `write ${name}:${v.slice(1, -1)};` : `remove the quotes`, engine: `quotes on ${name} keyword that doesn't support them` } };
  }
  return { value: v };
}
