import { defineLintRule } from '../linter/lint-rule.js';
import { factsFor } from '../semantics/rule-set-facts.js';
import type { FlowbitsValue } from '../syntax/option-values.js';

export default defineLintRule({
  meta: {
    id: 'flowbit-never-checked',
    category: 'hygiene',
    severity: { 'aws-nfw': 'info', suricata: 'info' },
    fix: 'none',
    docs: {
      summary: 'A flowbit is set (or toggled) but no rule in any file of the run tests it.',
      rationale:
        'A flowbit nothing tests changes nothing: either the rule that was meant to test it spells it differently, or the rule was removed and this one is left over. The check looks at every file of the run (all rule groups of a policy share flowbits).',
      badExample: 'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flowbits:set,allowed_sni; noalert; sid:1;)',
      goodExample:
        'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flowbits:set,allowed_sni; noalert; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:isnotset,allowed_sni; sid:2;)',
    },
  },
  checkFile(ctx) {
    const facts = factsFor(ctx.text, ctx.options.ruleSet);
    const reported = new Set<string>();
    return {
      rule(rule) {
        for (const o of rule.options) {
          if (o.parsed?.kind !== 'flowbits') continue;
          const v = o.parsed as FlowbitsValue;
          const command = v.command.toLowerCase();
          if (command !== 'set' && command !== 'toggle') continue;
          for (const n of v.names) {
            if (!n.name || facts.flowbitCheckers[n.name] || reported.has(n.name)) continue;
            reported.add(n.name);
            ctx.report({
              range: n.range,
              message: `flowbit '${n.name}' is set here but no rule in the run tests it (isset/isnotset): it has no effect`,
              hint: 'test it where it should change a decision, or remove the set',
            });
          }
        }
      },
    };
  },
});
