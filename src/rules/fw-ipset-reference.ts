import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import type { ListExpr } from '../syntax/tree.js';

function* ipsets(e: ListExpr | undefined): Generator<ListExpr & { kind: 'value' }> {
  if (!e) return;
  if (e.kind === 'value') {
    if (e.valueKind === 'ipset') yield e;
  } else for (const i of e.items) yield* ipsets(i);
}

/** Firewall rule groups do not support IP set references (`@NAME`): use rule variables. */
export default defineLintRule({
  meta: {
    id: 'fw-ipset-reference',
    category: 'aws',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'IP set reference (`@NAME`) in a firewall rule.',
      rationale:
        'AWS: firewall rule groups support rule variables (IPSets, PortSets) but not IP set references (DG firewall-rule-groups, API FirewallRuleGroup: ReferenceSets only for IPS-engine groups). Suricata 8 has no `@` syntax at all ("failed to parse address \\"@NAME\\""). Define a rule variable with the prefix list\'s CIDRs and write `$NAME`.',
      badExample: 'accept:flow tls:client_hello @BLOCKED any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:client_hello $BLOCKED any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Unsafe: rewrites `@NAME` as `$NAME`, which needs a rule variable NAME holding the same addresses.',
    },
  },
  checkRule(rule, ctx) {
    if (!ctx.options.dialect.primaryActions) return;
    for (const e of [...ipsets(rule.header.source), ...ipsets(rule.header.destination)]) {
      const name = e.value.text.slice(1);
      ctx.report({
        range: e.value.range,
        message: `IP set reference '${e.value.text}' in a firewall rule: firewall rule groups support rule variables, not IP set references`,
        hint: `define a rule variable ${name} (RuleVariables.IPSets) with the prefix list's CIDRs and write $${name}`,
        fix: Fix.unsafe(`Replace with $${name}`, [{ range: { start: e.value.range.start, end: e.value.range.start + 1 }, text: '$' }]),
      });
    }
  },
});
