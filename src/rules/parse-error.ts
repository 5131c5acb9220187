import { defineLintRule } from '../linter/lint-rule.js';

/** Syntax errors found by the parser: Suricata would refuse to load the rule. */
export default defineLintRule({
  meta: {
    id: 'parse-error',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'The rule does not parse: Suricata (and AWS Network Firewall) would reject it.',
      rationale:
        'Suricata reads a rule as `action protocol src_addr src_port direction dst_addr dst_port (options)`, ends every option at the first `;` not preceded by `\\`, even inside quotes, and rejects the whole rule on any syntax error. On AWS Network Firewall one such rule fails the whole rule group update.',
      badExample: 'drop ip $HOME_NET any-> any any (msg:"Block"; sid:1;)',
      goodExample: 'drop ip $HOME_NET any -> any any (msg:"Block"; sid:1;)',
      fixSafety: 'Fixes are offered only where the intent is certain (a missing space, `;` or `)`, an escaped `;`); a did-you-mean for an unknown action is unsafe.',
    },
  },
  checkRule(rule, ctx) {
    for (const e of rule.errors) {
      if (e.requiresSuricata8 || e.accepted) continue;
      const where = e.expected ? ` (expected ${e.expected})` : '';
      ctx.report({
        range: e.range,
        message: `${e.message}${where}`,
        hint: e.hint,
        fix: e.fix,
      });
    }
  },
});
