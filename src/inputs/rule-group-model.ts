import type { TextRange } from '../source/text-range.js';
import type { DecodedString } from './decoded-string.js';
import type { RuleGroupContext } from './embedded-rules.js';

/** A RulesString (or Terraform rules / rules_string) value already decoded from host syntax. */
export interface RulesStringSource {
  readonly kind: 'rules-string';
  readonly label: string;
  readonly decoded: DecodedString;
  /** Host range of the whole value (for findings about it). */
  readonly valueRange: TextRange;
}

/** RulesSourceList: AWS generates the rules from the domain list. */
export interface DomainListSource {
  readonly kind: 'domain-list';
  readonly label: string;
  /** Host offset of the RulesSourceList key: every generated offset maps here. */
  readonly keyOffset: number;
  readonly targets: readonly string[];
  readonly targetTypes: readonly string[];
  readonly generatedRulesType: string;
}

/** One StatefulRules 5-tuple entry. */
export interface StatefulRuleEntry {
  /** Host offset of the entry: every offset of its generated line maps here. */
  readonly hostOffset: number;
  readonly action: string;
  readonly protocol: string;
  readonly source: string;
  readonly sourcePort: string;
  readonly direction: string;
  readonly destination: string;
  readonly destinationPort: string;
  readonly options: readonly { readonly keyword: string; readonly settings: readonly string[] }[];
}

export interface StatefulRulesSource {
  readonly kind: 'stateful-rules';
  readonly label: string;
  readonly keyOffset: number;
  readonly rules: readonly StatefulRuleEntry[];
}

export type RulesSourceModel = RulesStringSource | DomainListSource | StatefulRulesSource;

/** A rule group found in a host file, in a shape shared by the JSON, YAML and Terraform readers. */
export interface RuleGroupModel {
  readonly context: RuleGroupContext;
  readonly sources: readonly RulesSourceModel[];
}
