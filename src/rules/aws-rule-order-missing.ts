import { defineLintRule } from '../linter/lint-rule.js';

/*
 * Reported by the input adapters in src/inputs (a finding about the host file, not a check over rule
 * statements); this module gives it an id, severities and documentation like every other rule.
 */
export default defineLintRule({
  meta: {
    id: 'aws-rule-order-missing',
    category: 'aws',
    severity: { 'aws-nfw': 'warning', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'A stateful rule group in CloudFormation or Terraform without a rule order.',
      rationale:
        "Without StatefulRuleOptions.RuleOrder (stateful_rule_options { rule_order }), AWS creates the group in action order (pass, drop, reject, alert), not in the order the rules are written, and the order cannot be changed after creation. AWS recommends strict order; the TLS ClientHello checks are evaluated for action order when it is missing.",
      badExample: 'rule_group { rules_source { rules_string = <<EOF ... EOF } }',
      goodExample: 'rule_group {\n  rules_source { rules_string = <<EOF ... EOF }\n  stateful_rule_options { rule_order = "STRICT_ORDER" }\n}',
    },
  },
});
