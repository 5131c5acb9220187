import { defineLintRule } from '../linter/lint-rule.js';
import { canonicalOf } from './utils/rule-options.js';

export default defineLintRule({
  meta: {
    id: 'content-modifier-without-content',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A content modifier (depth, offset, distance, within, nocase, startswith, endswith, fast_pattern, http_uri, ...) with no content before it.',
      rationale:
        'Content modifiers change the content option right before them; with a sticky buffer active, the last content of that buffer. When there is none, Suricata rejects the rule ("depth needs preceding content"). Usually the modifier was written before its content, or after a sticky buffer that switched away from it.',
      badExample: 'alert udp any any -> any 53 (msg:"x"; depth:50; content:"abc"; sid:1;)',
      goodExample: 'alert udp any any -> any 53 (msg:"x"; content:"abc"; depth:50; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    const orphans = facts.contents.orphanModifiers;
    if (orphans.length === 0) return;
    const hasContent = rule.options.some((o) => o.name === 'content');
    for (const option of orphans) {
      const name = canonicalOf(option);
      ctx.report({
        range: option.range,
        message: `'${option.keyword.text}' modifies the content before it, but ${hasContent ? 'no content of the current buffer comes before it' : 'this rule has no content before it'}: Suricata rejects the rule`,
        hint: `put '${name}' right after the content it modifies`,
      });
    }
  },
});
