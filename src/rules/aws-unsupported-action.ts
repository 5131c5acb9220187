import { awsUnsupportedAction } from '../catalog/aws-unsupported.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

const REJECT_VARIANTS: ReadonlySet<string> = new Set(['rejectsrc', 'rejectdst', 'rejectboth']);

export default defineLintRule({
  meta: {
    id: 'aws-unsupported-action',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'off' },
    fix: 'unsafe',
    docs: {
      summary: 'An action AWS Network Firewall stateful rule groups do not support (rejectsrc, rejectdst, rejectboth, config, accept).',
      rationale:
        'AWS Network Firewall IPS rule groups accept only the pass, drop, reject and alert actions; any other action makes the rule group update fail.',
      badExample: 'rejectboth tcp any any -> any 23 (msg:"telnet"; sid:1;)',
      goodExample: 'reject tcp any any -> any 23 (msg:"telnet"; sid:1;)',
      fixSafety: 'rejectsrc/rejectdst/rejectboth become reject as an unsafe fix: reject resets only one side of the connection, so review it. config and accept have no fix.',
    },
  },
  checkRule(rule, ctx) {
    const action = rule.header.action;
    if (!action) return;
    const entry = awsUnsupportedAction(action.name);
    if (!entry) return;
    const nameRange = { start: action.range.start, end: action.range.start + action.name.length };
    const variant = REJECT_VARIANTS.has(action.name);
    ctx.report({
      range: nameRange,
      message: `action '${action.name}' is not supported by AWS Network Firewall: ${entry.reason}`,
      hint: variant ? "use 'reject'" : 'use pass, drop, reject or alert',
      fix: variant ? Fix.unsafe("Replace with 'reject'", [Edit.replace(nameRange, 'reject')]) : undefined,
    });
  },
});
