import { defineLintRule } from '../linter/lint-rule.js';

/** Text Suricata 7 loads, but almost surely not as meant (flagged by the parser with `accepted`). */
export default defineLintRule({
  meta: {
    id: 'suspicious-syntax',
    category: 'syntax',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'safe',
    docs: {
      summary: 'Syntax Suricata 7 accepts but that is almost certainly a typo: a missing closing `)`, a quote that is never closed.',
      rationale:
        "Suricata strips trailing `)` characters without checking that there was one, and loads a quoted value whose closing quote is missing, keeping the `\"` in the pattern. Such a rule loads but matches something else than its author meant, and other tools (and AWS's rule group validation, which is stricter in places) may reject it.",
      badExample: 'alert tls any any -> any any (tls.sni; content:!".example.net; sid:1;)',
      goodExample: 'alert tls any any -> any any (tls.sni; content:!".example.net"; sid:1;)',
      fixSafety: 'Only the missing `)` is fixed automatically; a closing quote is left to the author.',
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
