import { defineLintRule } from '../linter/lint-rule.js';

/*
 * Reported by the input adapters in src/inputs (a finding about the host file, not a check over rule
 * statements); this module gives it an id, severities and documentation like every other rule.
 */
export default defineLintRule({
  meta: {
    id: 'host-parse-error',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'The JSON, YAML or HCL file holding the rules does not parse.',
      rationale: 'The rules inside cannot be found reliably, and AWS, CloudFormation or Terraform would reject the file as well.',
      badExample: '{ "RuleGroup": { "RulesSource": { "RulesString": "pass tls ..." } ',
    },
  },
});
