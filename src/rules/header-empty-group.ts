import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import { FIELD_LABEL, type HeaderField } from './utils/header-values.js';
import type { ListGroup } from '../syntax/tree.js';

const FIELDS: readonly HeaderField[] = ['source', 'sourcePort', 'destination', 'destinationPort'];

function checkGroup(group: ListGroup, field: HeaderField, ctx: RuleContext): void {
  const items = group.items;
  if (items.length === 0) {
    ctx.report({
      range: group.range,
      message: `empty group in the ${FIELD_LABEL[field]}: Suricata rejects the rule (nothing is left to match)`,
      hint: 'list at least one value, or use any',
    });
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'group') checkGroup(item, field, ctx);
  }
}

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
    // Walks the groups in place (outer first, like listGroups): most headers have none, and this runs on every rule.
    for (let i = 0; i < FIELDS.length; i++) {
      const expr = rule.header[FIELDS[i]];
      if (expr !== undefined && expr.kind === 'group') checkGroup(expr, FIELDS[i], ctx);
    }
  },
});
