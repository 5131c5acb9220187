import { defineLintRule } from '../linter/lint-rule.js';
import type { TextRange } from '../source/text-range.js';
import { factsFor } from '../semantics/rule-set-facts.js';
import type { FlowbitsValue } from '../syntax/option-values.js';

interface BitState {
  /** The first test of the bit, seen before any rule of this file set it. */
  firstCheck?: TextRange;
  firstSet?: TextRange;
  setsInFile: number;
}

export default defineLintRule({
  meta: {
    id: 'flowbit-set-after-check',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'Strict order: a flowbit is tested by a rule that comes before every rule that sets it.',
      rationale:
        'Under strict order rules run top to bottom on each packet. A test placed above the only rules that set the bit does not see the bit on the packet that sets it, only from the next packet on: a drop guarded by `flowbits:isnotset,X` still fires on the packet where X is set below it. Place the setting rule first (AWS\'s PQC pattern puts the alert that sets the bit above the catch-all that tests it). Not reported when another file of the run also sets the bit (rule group order decides then).',
      badExample:
        'reject tcp $HOME_NET any -> any any (flowbits:isnotset,PQC; flow:to_server; sid:2;)\nalert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:set,PQC; noalert; flow:to_server; sid:1;)',
      goodExample:
        'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:set,PQC; noalert; flow:to_server; sid:1;)\nreject tcp $HOME_NET any -> any any (flowbits:isnotset,PQC; flow:to_server; sid:2;)',
    },
  },
  checkFile(ctx) {
    if (ctx.options.ruleOrder !== 'strict') return {};
    const facts = factsFor(ctx.text, ctx.options.ruleSet);
    const bits = new Map<string, BitState>();
    const state = (name: string): BitState => {
      let s = bits.get(name);
      if (!s) bits.set(name, (s = { setsInFile: 0 }));
      return s;
    };
    return {
      rule(rule) {
        for (const o of rule.options) {
          if (o.parsed?.kind !== 'flowbits') continue;
          const v = o.parsed as FlowbitsValue;
          const command = v.command.toLowerCase();
          for (const n of v.names) {
            if (!n.name) continue;
            const s = state(n.name);
            if (command === 'isset' || command === 'isnotset') {
              if (s.setsInFile === 0) s.firstCheck ??= n.range;
            } else if (command === 'set' || command === 'toggle') {
              s.setsInFile++;
              s.firstSet ??= n.range;
            }
          }
        }
      },
      end() {
        for (const [name, s] of bits) {
          if (!s.firstCheck || !s.firstSet) continue;
          // Set in another file too: the order of rule groups decides, which one file does not show.
          if ((facts.flowbitSetters[name] ?? 0) > s.setsInFile) continue;
          ctx.report({
            range: s.firstCheck,
            message: `flowbit '${name}' is tested here, above every rule that sets it (first on line ${ctx.lineOf(s.firstSet.start)}): in strict order this test does not see the bit on the packet that sets it`,
            hint: `move the rule that sets '${name}' above this one`,
          });
        }
      },
    };
  },
});
