import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'missing-rev',
    category: 'hygiene',
    severity: { 'aws-nfw': 'off', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'A rule without a rev.',
      rationale:
        "rev tells rule versions apart: Suricata replaces a rule by one with the same sid and a higher rev, and alert logs carry it. AWS's generated rules all carry rev:1. Off under the suricata profile, where many local rule sets omit it.",
      badExample: 'alert tcp any any -> any 23 (msg:"telnet"; sid:1;)',
      goodExample: 'alert tcp any any -> any 23 (msg:"telnet"; sid:1; rev:1;)',
    },
  },
  checkRule(rule, ctx) {
    if (!rule.openParen || rule.options.some((o) => o.name === 'rev')) return;
    const sid = rule.options.find((o) => o.name === 'sid');
    ctx.report({
      range: sid?.range ?? { start: rule.ruleRange.start, end: rule.openParen.end },
      message: 'this rule has no rev',
      hint: 'add rev:1; and increase it whenever the rule changes',
    });
  },
});
