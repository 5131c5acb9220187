import { defineLintRule } from '../linter/lint-rule.js';

/** Text Suricata 7 loads, but almost surely not as meant (flagged by the parser with `accepted`). */
export default defineLintRule({
  meta: {
    id: 'suspicious-syntax',
    category: 'syntax',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'safe',
    docs: {
      summary: 'Syntax Suricata 7 accepts but that is almost certainly a typo: a rule without its closing `)`.',
      rationale:
        "Suricata strips a trailing `)` without checking that there was one, so a rule cut short (a lost `)`, often a truncated line) still loads. Other tools (and AWS's rule group validation, which is stricter in places) may reject it, and a truncated line may have lost options too. A quote that is never closed is not this rule's: Suricata 7.0.10 rejects it (`bad option value formatting`), so it is a parse-error.",
      badExample: 'alert icmp any any -> any any (msg:"ping"; itype:8; sid:2;',
      goodExample: 'alert icmp any any -> any any (msg:"ping"; itype:8; sid:2;)',
      fixSafety: 'Safe: inserts the missing `)` at the end of the rule.',
    },
  },
  checkRule(rule, ctx) {
    for (const e of rule.errors) {
      if (!e.accepted) continue;
      ctx.report({
        range: e.range,
        message: e.message,
        hint: e.hint,
        fix: e.fix,
      });
    }
  },
});
