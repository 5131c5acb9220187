import { defineLintRule } from '../linter/lint-rule.js';
import { FIELD_LABEL, listGroups, type HeaderField } from './utils/header-values.js';

const FIELDS: readonly HeaderField[] = ['source', 'sourcePort', 'destination', 'destinationPort'];

export default defineLintRule({
  meta: {
    id: 'header-empty-group',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'An empty address or port group `[]` in the rule header.',
      rationale: 'An empty group leaves nothing to match; Suricata rejects the rule ("no addresses left" / "no ports left after merging"). It often comes from a template that rendered an empty list.',
      badExample: 'drop tcp $HOME_NET any -> [] any (msg:"x"; sid:1;)',
      goodExample: 'drop tcp $HOME_NET any -> [10.0.0.0/8] any (msg:"x"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    for (const field of FIELDS) {
      for (const group of listGroups(rule.header[field])) {
        if (group.items.length > 0) continue;
        ctx.report({
          range: group.range,
          message: `empty group in the ${FIELD_LABEL[field]}: Suricata rejects the rule (nothing is left to match)`,
          hint: 'list at least one value, or use any',
        });
      }
    }
  },
});
