import type { RulesFile } from './tree.js';

/**
 * Prints a tree back to text from the ranges it holds: BOM, then each statement and its line
 * terminator. For any input, `printRules(parseRules(x)) === x`; the lossless tests check that the
 * ranges cover every character with no gap or overlap.
 */
export function printRules(file: RulesFile): string {
  const t = file.text;
  let out = file.bom ? t.slice(file.bom.start, file.bom.end) : '';
  for (const s of file.statements) out += t.slice(s.range.start, s.range.end) + t.slice(s.eol.start, s.eol.end);
  return out;
}
