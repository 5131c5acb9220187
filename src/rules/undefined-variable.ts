import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { ListValue } from '../syntax/tree.js';
import { FIELD_LABEL, forEachHeaderValue, type HeaderField } from './utils/header-values.js';
import { closestMatch } from '../syntax/levenshtein.js';

/** Variables AWS Network Firewall defines for every policy (HOME_NET defaults to the VPC CIDR, EXTERNAL_NET to !HOME_NET). */
export const AWS_PREDEFINED_VARIABLES: readonly string[] = ['HOME_NET', 'EXTERNAL_NET'];

const FIELDS: readonly HeaderField[] = ['source', 'sourcePort', 'destination', 'destinationPort'];

function checkValue(field: HeaderField, value: ListValue, ctx: RuleContext): void {
  if (value.valueKind !== 'variable') return;
  const known = ctx.options.variables!;
  const aws = ctx.options.profile === 'aws-nfw';
  const name = value.value.text.slice(1);
  if (known.has(name) || (aws && AWS_PREDEFINED_VARIABLES.includes(name))) return;
  const defined = new Set(known);
  if (aws) for (const v of AWS_PREDEFINED_VARIABLES) defined.add(v);
  const guess = closestMatch(name, defined);
  ctx.report({
    range: value.value.range,
    message: `variable '$${name}' in the ${FIELD_LABEL[field]} is not defined: ${aws ? 'AWS Network Firewall rejects the rule group' : 'Suricata rejects the rule'}`,
    hint: guess ? `did you mean '$${guess}'? Otherwise define ${name}` : `define ${name} (rule group RuleVariables, policy variables, or suricata.yaml vars)`,
  });
}

export default defineLintRule({
  meta: {
    id: 'undefined-variable',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A `$VARIABLE` that the rule group, policy or configuration does not define (checked only when the definitions are known).',
      rationale:
        'AWS Network Firewall requires every variable a rule uses to be defined in the rule group (RuleVariables) or the firewall policy; Suricata rejects a rule with an undefined variable. The check runs only when the known variables are given (a rule group\'s RuleVariables, or `variables` in the configuration); HOME_NET and EXTERNAL_NET count as defined under the aws-nfw profile.',
      badExample: 'alert tcp $HOME_NET any -> $WEB_SERVERS $HTTP_PORTS (msg:"web"; sid:1;)',
      goodExample: 'alert tcp $HOME_NET any -> $HTTP_SERVERS $HTTP_PORTS (msg:"web"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    if (!ctx.options.variables) return;
    forEachHeaderValue(rule.header, FIELDS, checkValue, ctx);
  },
});
