import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { lookupTable } from '../catalog/lookup-table.js';

/** Keywords that do nothing, or are banned, in firewall rules: why, and whether removing them is safe. */
const MEANINGLESS: Readonly<Record<string, { why: string; severity: 'warning' | 'error'; safe: boolean }>> = lookupTable({
  priority: { why: 'firewall rules run in the order written, per hook (DG firewall-rule-evaluation-order); Suricata 8 warns "has not been tested for firewall rules"', severity: 'warning', safe: true },
  bypass: { why: 'bypassing a flow skips the firewall engine; banned in firewall rules from Suricata 9.0 (suricata-verify ruletype-firewall-141); use the pass secondary action for IPS bypass', severity: 'error', safe: false },
  threshold: { why: 'thresholds are not tested for firewall rules (Suricata 8 warns) and would let traffic past the verdict', severity: 'warning', safe: false },
});

export default defineLintRule({
  meta: {
    id: 'fw-meaningless-keyword',
    category: 'hygiene',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'warning', 'suricata-firewall': 'warning' },
    fix: 'safe',
    docs: {
      summary: 'Keyword without meaning (or banned) in firewall rules: `priority`, `bypass`, `threshold`.',
      rationale: 'Firewall rules run in file order per hook, so `priority` does nothing; `bypass` would skip the firewall engine and is banned upstream from 9.0; `threshold` is untested in firewall mode.',
      badExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; priority:1; sid:1;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Safe for `priority` (it has no effect in firewall rules); none for the others.',
    },
  },
  checkRule(rule, ctx) {
    if (!ctx.options.dialect.primaryActions) return;
    for (const o of rule.options) {
      const m = MEANINGLESS[o.name];
      if (!m) continue;
      let end = o.range.end;
      while (ctx.text[end] === ' ') end++;
      ctx.report({
        range: o.keyword.range,
        severity: m.severity === 'error' && ctx.severity !== 'info' ? 'error' : undefined,
        message: `'${o.keyword.text}' in a firewall rule: ${m.why}`,
        fix: m.safe ? Fix.safe(`Remove '${o.keyword.text}'`, [{ range: { start: o.range.start, end }, text: '' }]) : undefined,
      });
    }
  },
});
