import { defineLintRule } from '../linter/lint-rule.js';

/*
 * Reported by the input adapters in src/inputs (a finding about the host file, not a check over rule
 * statements); this module gives it an id, severities and documentation like every other rule.
 */
export default defineLintRule({
  meta: {
    id: 'host-unresolved-template',
    category: 'hygiene',
    severity: { 'aws-nfw': 'info', suricata: 'info' },
    fix: 'none',
    docs: {
      summary: 'Rules or parts of rules that come from a template (`file()`, `${...}`, `!Sub`, `!Join`) and cannot be checked here.',
      rationale: 'Interpolated values are only known after rendering; suricata-lint never flags them as rule syntax. Lint the referenced file or the rendered rules as well.',
      badExample: 'rules_string = file("egress.rules")',
    },
  },
});
