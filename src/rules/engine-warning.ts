import { defineLintRule } from '../linter/lint-rule.js';

/*
 * Reported by `--engine suricata` (src/engine/engine-diagnostics.ts), from the warnings the real Suricata logs
 * and from its engine analysis, not by a check over rule statements; this module gives it an id and documentation.
 */
export default defineLintRule({
  meta: {
    id: 'engine-warning',
    category: 'engine',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'none',
    docs: {
      summary: 'The real Suricata engine (--engine suricata) loads this rule but warns about it.',
      rationale:
        "Only reported with --engine suricata: the warnings Suricata logs while loading the rule, the ones its engine analysis (suricata --engine-analysis) writes about it (for example \"rule is inspecting both the request and the response\", or a TCP rule without flow or flags), and rules Suricata skips because their requires: are not met. They do not stop the rule from loading, but often mean it matches later, more often or less efficiently than intended. Turn them off with --rule engine-warning=off (Suricata then runs with -T only).",
      badExample: 'alert tcp any any -> any any (msg:"any TCP"; sid:1;)',
      goodExample: 'alert tcp any any -> any any (msg:"any TCP"; flow:to_server,established; sid:1;)',
    },
  },
});
