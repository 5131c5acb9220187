import { defineLintRule } from '../linter/lint-rule.js';

/** Syntax that only Suricata 8 accepts, under a Suricata 7 target. */
export default defineLintRule({
  meta: {
    id: 'suricata-8-syntax',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'Suricata 8 syntax (`accept`, action scopes like `drop:flow`, `=>`, protocol hooks like `tls:client_hello_done`) in a Suricata 7 rule set.',
      rationale:
        'Suricata 7 rejects these forms. AWS Network Firewall IPS rule groups run Suricata 7 syntax; the Suricata 8 firewall-mode forms belong to a different engine. Use `--suricata-version 8` when you target Suricata 8.',
      badExample: 'drop:flow tcp any any -> any any (sid:1;)',
      goodExample: 'drop tcp any any -> any any (sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    if (ctx.options.suricataVersion >= 8) return;
    // `requires: version >= 8` makes Suricata 7 skip the rule silently.
    if (rule.options.some((o) => o.name === 'requires')) return;
    for (const e of rule.errors) {
      if (!e.requiresSuricata8) continue;
      ctx.report({ range: e.range, message: `${e.message}; the target is Suricata 7`, hint: e.hint ?? 'use --suricata-version 8 if you target Suricata 8' });
    }
  },
});
