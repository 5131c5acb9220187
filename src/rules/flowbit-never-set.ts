import { BLOCKING_ACTIONS } from '../catalog/actions.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { factsFor } from '../semantics/rule-set-facts.js';
import { closestMatch } from '../syntax/levenshtein.js';
import type { FlowbitsValue } from '../syntax/option-values.js';

export default defineLintRule({
  meta: {
    id: 'flowbit-never-set',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'unsafe',
    docs: {
      summary: 'A flowbit is tested (isset/isnotset) but no rule in any file of the run sets it: isset never holds, isnotset always does.',
      rationale:
        'Flowbits are per-flow state shared by every rule loaded into one engine: all rule groups of an AWS Network Firewall policy, all files of a Suricata rule set. A test of a bit nothing sets is constant. Most often it is a spelling slip: `flowbits:isnotset,alowed_sni;` on the catch-all drop while the pass rule sets `allowed_sni` makes the exemption never apply, and every TLS flow is dropped. The check looks at every file of the run, so a bit set in another rule group is found.',
      badExample:
        'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flowbits:set,allowed_sni; noalert; flow:to_server; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:isnotset,alowed_sni; flow:to_server; sid:2;)',
      goodExample:
        'alert tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flowbits:set,allowed_sni; noalert; flow:to_server; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flowbits:isnotset,allowed_sni; flow:to_server; sid:2;)',
      fixSafety: 'Unsafe, and only when exactly one set flowbit is within two edits: the rename is a guess at the intended name.',
    },
  },
  checkFile(ctx) {
    const facts = factsFor(ctx.text, ctx.options.ruleSet);
    const setNames = Object.keys(facts.flowbitSetters);
    return {
      rule(rule) {
        for (const o of rule.options) {
          if (o.parsed?.kind !== 'flowbits') continue;
          const v = o.parsed as FlowbitsValue;
          const command = v.command.toLowerCase();
          if (command !== 'isset' && command !== 'isnotset') continue;
          for (const n of v.names) {
            if (!n.name || facts.flowbitSetters[n.name]) continue;
            const near = closestMatch(n.name, setNames, 2);
            const action = rule.header.action?.name ?? '';
            const effect = command === 'isset' ? 'this test never holds, so the rule never matches' : 'this test always holds';
            ctx.report({
              range: n.range,
              // A near spelling on a blocking rule flips the decision for every flow: an error.
              severity: near && BLOCKING_ACTIONS.has(action) ? 'error' : undefined,
              message: `flowbit '${n.name}' is tested here but no rule in the run sets it: ${effect}${near ? ` (did you mean '${near}', which is set?)` : ''}`,
              hint: near ? `rename it to '${near}'` : `set it in an earlier rule (flowbits:set,${n.name};) or remove the test`,
              fix: near ? Fix.unsafe(`Rename the flowbit to '${near}'`, [Edit.replace(n.range, near)]) : undefined,
            });
          }
        }
      },
    };
  },
});
