import { appHookOf, hookName, summarizeFirewallRule, type FirewallRuleSummary } from '../dialects/firewall-rule.js';
import { BLOCKING_ACTIONS } from '../catalog/actions.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** A drop/reject at a protocol's first hook with nothing narrowing it fires before any later-hook accept. */
export default defineLintRule({
  meta: {
    id: 'fw-first-hook-block',
    category: 'firewall',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'warning', 'suricata-firewall': 'warning' },
    fix: 'none',
    docs: {
      summary: 'Drop or reject with no narrowing keyword at a protocol\'s first hook (`drop:flow tls:client_started ...`) while later-hook rules accept the same protocol: it pre-empts them all.',
      rationale:
        'Rules act hook by hook, whatever their order in the file: a rule at an earlier hook acts before any rule at a later hook. The first TLS hook (`client_started`, Suricata client_in_progress) is passed on the first segment of the ClientHello, before the SNI exists; a drop there fires at once and wins over every `accept:flow tls:<client_hello` rule, and an explicit drop also beats the implied accept of `<` (Suricata 8.0.8 replay, AWS-NEXT-GEN.md 9.3 sets S8/S9). This is the firewall-engine form of the Classic early-drop problem. To block what the allow rules do not allow, rely on the drop default (or put the block at the same hook as the accepts).',
      badExample:
        'drop:flow tls:client_started $HOME_NET any -> $EXTERNAL_NET any (sid:1;)\naccept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2;)',
    },
  },
  checkFile(ctx) {
    const rules: FirewallRuleSummary[] = [];
    const d = ctx.options.dialect;
    return {
      rule(rule) {
        if (!d.primaryActions) return;
        const s = summarizeFirewallRule(rule, ctx.text, d);
        if (s) rules.push(s);
      },
      end() {
        for (const s of rules) {
          const h = appHookOf(s.hook);
          if (!h || h.progress !== 0 || !BLOCKING_ACTIONS.has(s.action) || s.narrowing.length) continue;
          const later = rules.filter((r) => {
            const rh = appHookOf(r.hook);
            return r.action === 'accept' && r.protocol === s.protocol && rh && rh.direction === h.direction && rh.progress > 0;
          });
          if (!later.length) continue;
          ctx.report({
            range: s.range,
            message: `this ${s.action} at the first ${s.protocol} hook ('${s.protocol}:${hookName(h, d)}') fires before the ${later.length} later-hook accept rule${later.length > 1 ? 's' : ''} of ${s.protocol} can run: it blocks those connections on their first segment`,
            hint: 'remove it and let the drop default block what the accept rules do not allow, or narrow it with keywords valid at this hook',
          });
        }
      },
    };
  },
});
