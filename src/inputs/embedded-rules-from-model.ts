import { DecodedStringBuilder, hostOffsetOf, type DecodedString } from './decoded-string.js';
import { domainListRules } from './domain-list-rules.js';
import type { EmbeddedRules, HostFinding, RuleGroupContext } from './embedded-rules.js';
import type { RuleGroupModel, RulesSourceModel } from './rule-group-model.js';
import { statefulRuleText } from './stateful-rules-text.js';

/** AWS API limit on RulesString (API_RulesSource: "Maximum length of 2000000"). */
export const MAX_RULES_STRING_LENGTH = 2_000_000;

function embedded(label: string, decoded: DecodedString, context: RuleGroupContext, generated: boolean): EmbeddedRules {
  return {
    text: decoded.text,
    label,
    toHostOffset: (offset) => hostOffsetOf(decoded, offset),
    encodeForHost: generated ? () => undefined : (text) => decoded.encode(text),
    context,
    unresolved: decoded.unresolved,
    generated,
  };
}

function generatedDecoded(source: RulesSourceModel): DecodedString | undefined {
  const b = new DecodedStringBuilder();
  if (source.kind === 'domain-list') {
    b.appendAt(domainListRules(source.targets, source.targetTypes, source.generatedRulesType), source.keyOffset);
    return b.finish(source.keyOffset, () => undefined);
  }
  if (source.kind === 'stateful-rules') {
    let last = source.keyOffset;
    for (const rule of source.rules) {
      b.appendAt(statefulRuleText(rule) + '\n', rule.hostOffset);
      last = rule.hostOffset;
    }
    return b.finish(last, () => undefined);
  }
  return undefined;
}

/** Turns the rule groups a reader found into embedded rules, plus findings about the rules strings themselves. */
export function embeddedRulesFromModels(models: readonly RuleGroupModel[]): { sources: EmbeddedRules[]; findings: HostFinding[] } {
  const sources: EmbeddedRules[] = [];
  const findings: HostFinding[] = [];
  for (const model of models) {
    for (const source of model.sources) {
      if (source.kind === 'rules-string') {
        sources.push(embedded(source.label, source.decoded, model.context, false));
        if (source.decoded.text.length > MAX_RULES_STRING_LENGTH) {
          findings.push({
            ruleId: 'aws-rules-string-too-long',
            message: `${source.label} is ${source.decoded.text.length.toLocaleString('en-US')} characters long; AWS rejects a RulesString longer than 2,000,000 characters.`,
            hint: 'Split the rules into several rule groups.',
            range: source.valueRange,
          });
        }
        continue;
      }
      const decoded = generatedDecoded(source);
      if (decoded) sources.push(embedded(source.label, decoded, model.context, true));
    }
  }
  return { sources, findings };
}
