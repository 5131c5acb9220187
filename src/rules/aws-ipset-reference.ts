import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { ListValue } from '../syntax/tree.js';
import { ADDRESS_FIELDS, FIELD_LABEL, forEachHeaderValue, type HeaderField } from './utils/header-values.js';

function checkValue(field: HeaderField, value: ListValue, ctx: RuleContext): void {
  if (value.valueKind !== 'ipset') return;
  const name = value.value.text.slice(1);
  ctx.report({
    range: value.value.range,
    message:
      ctx.options.profile === 'suricata'
        ? `'${value.value.text}' in the ${FIELD_LABEL[field]} is an AWS Network Firewall IP set reference: Suricata rejects it ("failed to parse address")`
        : `'${value.value.text}' is an IP set reference: the rule group must define ${name} in ReferenceSets.IPSetReferences, or the update fails`,
    hint: ctx.options.profile === 'suricata' ? `use a variable ($${name}) defined in suricata.yaml, or an address list` : `define IPSetReferences.${name} with the prefix list ARN`,
  });
}

export default defineLintRule({
  meta: {
    id: 'aws-ipset-reference',
    category: 'aws',
    severity: { 'aws-nfw': 'info', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'An `@NAME` IP set reference: valid only on AWS Network Firewall, where NAME must be defined in the rule group\'s ReferenceSets.',
      rationale:
        'AWS Network Firewall lets rules reference VPC prefix lists as `@NAME` when the rule group defines ReferenceSets.IPSetReferences.NAME; the update fails when it does not. Upstream Suricata does not know the syntax and rejects the rule ("failed to parse address").',
      badExample: 'drop tcp @BETA any -> any any (msg:"beta"; sid:1;)',
      goodExample: 'drop tcp $BETA any -> any any (msg:"beta"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    forEachHeaderValue(rule.header, ADDRESS_FIELDS, checkValue, ctx);
  },
});
