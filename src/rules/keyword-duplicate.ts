import { defineLintRule } from '../linter/lint-rule.js';

/** Keywords Suricata 7.0.10 refuses twice in one rule (verified; classtype, priority, gid and flow are accepted twice). */
const ONCE_PER_RULE: readonly string[] = ['msg', 'sid', 'rev', 'threshold'];

export default defineLintRule({
  meta: {
    id: 'keyword-duplicate',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A keyword that may appear only once per rule (msg, sid, rev, threshold) appears twice.',
      rationale: 'Suricata rejects the rule ("duplicated \'sid\' keyword detected", "multiple \\"threshold\\" options are not allowed"). Usually two rules were merged by mistake, or a template added a second msg.',
      badExample: 'alert tcp any any -> any any (msg:"a"; msg:"b"; sid:1;)',
      goodExample: 'alert tcp any any -> any any (msg:"a b"; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    const { names } = facts.keywords;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (!ONCE_PER_RULE.includes(name)) continue;
      // The first option of that name: no Map per rule (every rule has a msg and a sid).
      const at = names.indexOf(name);
      if (at === i) continue;
      const first = rule.options[at];
      const option = rule.options[i];
      ctx.report({
        range: option.range,
        message: `second '${name}' in this rule: Suricata allows one per rule and rejects the rule`,
        hint: `keep one '${name}' (the first is '${ctx.text.slice(first.range.start, first.range.end)}')`,
      });
    }
  },
});
