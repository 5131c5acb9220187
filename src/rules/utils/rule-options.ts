import type { KeywordInfo } from '../../catalog/keyword.js';
import { lookupKeyword } from '../../catalog/keyword-catalog.js';
import type { RuleOption, RuleStatement } from '../../syntax/tree.js';

/** The catalog entry for an option's keyword (name or alias, any case), or undefined when unknown. */
export function keywordOf(option: RuleOption): KeywordInfo | undefined {
  return lookupKeyword(option.name.trim());
}

/** The canonical keyword name of an option (`tls_sni` -> `tls.sni`), or its lower-cased name when unknown. */
export function canonicalOf(option: RuleOption): string {
  return keywordOf(option)?.name ?? option.name;
}

/** Options whose canonical keyword is one of `names`, in rule order. */
export function optionsNamed(rule: RuleStatement, ...names: string[]): RuleOption[] {
  return rule.options.filter((o) => names.includes(canonicalOf(o)));
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
  return rule.options.some((o) => o.name === 'requires');
}
