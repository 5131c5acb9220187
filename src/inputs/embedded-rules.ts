import type { TextRange } from '../source/text-range.js';

/** What the surrounding rule group tells the linter about its rules. */
export interface RuleGroupContext {
  /** From StatefulRuleOptions.RuleOrder / stateful_rule_options { rule_order }. */
  readonly ruleOrder?: 'strict' | 'action';
  /** Names defined by RuleVariables IPSets/PortSets (and Terraform ip_sets/port_sets keys), without '$'. */
  readonly variables?: ReadonlySet<string>;
  /** ReferenceSets.IPSetReferences names (used in rules as @NAME). */
  readonly ipSetReferences?: ReadonlySet<string>;
  readonly groupName?: string;
}

/** One rules text found in a host file, with the map back to host offsets. */
export interface EmbeddedRules {
  /** Decoded rules text exactly as the rule group receives it. */
  readonly text: string;
  /** Human label of where it is, e.g. 'Resources.EgressRules.Properties.RuleGroup.RulesSource.RulesString'. */
  readonly label: string;
  /** Host offset for a decoded offset (0..text.length inclusive); monotonic non-decreasing. */
  toHostOffset(offset: number): number;
  /** Host text for inserting/replacing `text`; undefined when this source cannot take it in place. */
  encodeForHost(text: string): string | undefined;
  readonly context: RuleGroupContext;
  /** Ranges of `text` that are template interpolations: never flag them. */
  readonly unresolved: readonly TextRange[];
  /** True for rules AWS generates (domain lists, StatefulRules 5-tuples): lint them, but they are not editable. */
  readonly generated: boolean;
}

/**
 * A finding about the host file itself, in HOST offsets. Its severity comes from the rule's profile table and
 * the run's settings, applied where it is reported (`Reporter`), never from the adapter.
 */
export interface HostFinding {
  readonly ruleId: 'host-parse-error' | 'aws-rule-order-missing' | 'aws-rules-string-too-long' | 'host-unresolved-template';
  readonly message: string;
  readonly hint?: string;
  readonly range: TextRange;
}

export type HostFormat = 'rules' | 'aws-rule-group-json' | 'cloudformation-json' | 'cloudformation-yaml' | 'terraform';

export interface HostDocument {
  readonly format: HostFormat;
  readonly sources: readonly EmbeddedRules[];
  readonly findings: readonly HostFinding[];
}
