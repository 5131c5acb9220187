import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'missing-sid',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A rule without a sid.',
      rationale: 'Suricata requires a sid on every rule and rejects the rule without one ("Signature missing required value \\"sid\\""). AWS Network Firewall also uses it to identify rules in alerts and errors.',
      badExample: 'drop tcp any any -> any 23 (msg:"telnet";)',
      goodExample: 'drop tcp any any -> any 23 (msg:"telnet"; sid:1000001;)',
    },
  },
  checkRule(rule, ctx) {
    if (!rule.openParen || rule.options.some((o) => o.name === 'sid')) return;
    ctx.report({
      range: { start: rule.ruleRange.start, end: rule.openParen.end },
      message: 'this rule has no sid: Suricata rejects it ("Signature missing required value \\"sid\\"")',
      hint: 'add sid:<number>; with a number unique in the rule set',
    });
  },
});
