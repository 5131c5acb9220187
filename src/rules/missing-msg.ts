import { NON_ALERTING_ACTIONS } from '../catalog/actions.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'missing-msg',
    category: 'hygiene',
    severity: { 'aws-nfw': 'info', suricata: 'info' },
    fix: 'none',
    docs: {
      summary: 'A rule that can alert (alert, drop, reject) without a msg; pass rules never alert and are not flagged.',
      rationale: 'Suricata loads rules without msg, but alerts and AWS Network Firewall alert logs then carry no description of what matched, which makes them hard to triage.',
      badExample: 'alert tcp any any -> any 23 (sid:1;)',
      goodExample: 'alert tcp any any -> any 23 (msg:"Telnet connection attempt"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    if (!rule.openParen || rule.options.some((o) => o.name === 'msg')) return;
    // pass (and accept, config) never alert: a msg would never be shown.
    if (NON_ALERTING_ACTIONS.has(rule.header.action?.name.toLowerCase() ?? '')) return;
    ctx.report({
      range: { start: rule.ruleRange.start, end: rule.openParen.end },
      message: 'this rule has no msg: its alerts will carry no description',
      hint: 'add msg:"<what this rule detects>";',
    });
  },
});
