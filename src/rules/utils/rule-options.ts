import type { KeywordInfo } from '../../catalog/keyword.js';
import { lookupKeyword } from '../../catalog/keyword-catalog.js';
import type { RuleOption, RuleStatement } from '../../syntax/tree.js';

/** The catalog entry for an option's keyword (name or alias, any case), or undefined when unknown. */
export function keywordOf(option: RuleOption): KeywordInfo | undefined {
  return lookupKeyword(option.name.trim());
}

export interface RuleKeywords {
  /** Catalog entry of each option (`undefined` when unknown), parallel to `rule.options`. */
  readonly infos: readonly (KeywordInfo | undefined)[];
  /** Canonical name of each option (its lower-cased name when unknown), parallel to `rule.options`. */
  readonly names: readonly string[];
}

/**
 * The catalog entries and canonical names of a rule's options, parallel to `rule.options`: one catalog
 * look-up per option. Lint rules read `facts.keywords` (computed once per statement) instead.
 */
export function ruleKeywords(rule: RuleStatement): RuleKeywords {
  return computeKeywords(rule);
}

/** The catalog entries and canonical names of a rule's options (RuleFacts.keywords keeps the result per statement). */
export function computeKeywords(rule: RuleStatement): RuleKeywords {
  const options = rule.options;
  const infos: (KeywordInfo | undefined)[] = new Array(options.length);
  const names: string[] = new Array(options.length);
  for (let i = 0; i < options.length; i++) {
    const info = keywordOf(options[i]);
    infos[i] = info;
    names[i] = info?.name ?? options[i].name;
  }
  return { infos, names };
}

/** The canonical keyword name of an option (`tls_sni` -> `tls.sni`), or its lower-cased name when unknown. */
export function canonicalOf(option: RuleOption): string {
  return keywordOf(option)?.name ?? option.name;
}

/** Options whose canonical keyword is one of `names`, in rule order. */
export function optionsNamed(rule: RuleStatement, ...names: string[]): RuleOption[] {
  // Canonical names from ruleKeywords: one catalog look-up per option and statement, shared with the other checks.
  const canonical = ruleKeywords(rule).names;
  const out: RuleOption[] = [];
  for (let i = 0; i < canonical.length; i++) if (names.includes(canonical[i])) out.push(rule.options[i]);
  return out;
}

/** The value text as Suricata sees it: `\`+newline continuations removed. */
export function valueText(option: RuleOption): string {
  const t = option.value?.text ?? '';
  return t.includes('\\\n') || t.includes('\\\r') ? t.replace(/\\[ \t]*(?:\r\n|\n|\r)/g, '') : t;
}

/** A short, single-line excerpt of the option for messages. */
export function optionExcerpt(option: RuleOption, rule: RuleStatement, file: string): string {
  void rule;
  const text = file.slice(option.range.start, option.range.end).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Whether the rule uses `requires:` (Suricata skips it silently when the requirement is not met). */
export function hasRequires(rule: RuleStatement): boolean {
  const options = rule.options;
  for (let i = 0; i < options.length; i++) if (options[i].name === 'requires') return true;
  return false;
}
