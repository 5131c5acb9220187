import { appHookOf, hookName, priorHooks, summarizeFirewallRule, type FirewallRuleSummary } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { dropsByDefault } from './utils/firewall-default.js';

/** Is hook progress `progress` of `protocol`/`direction` accepted by some rule (explicitly, or by a later `<` rule)? */
function accepted(rules: readonly FirewallRuleSummary[], protocol: string, direction: string, progress: number): boolean {
  return rules.some((s) => {
    if (s.action !== 'accept' || s.protocol !== protocol) return false;
    const h = appHookOf(s.hook);
    if (!h || h.direction !== direction) return false;
    return h.progress === progress || (s.prior && h.progress > progress);
  });
}

/** Under a drop default, an app-layer rule past the first hook needs the earlier hooks accepted. */
export default defineLintRule({
  meta: {
    id: 'fw-unreachable-app-rule',
    category: 'firewall',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'Application-layer rule past its protocol\'s first hook, with no `<` and no accept for the earlier hooks: under a drop default it is never reached.',
      rationale:
        'The firewall engine drops by default at every hook: a connection must be accepted at each state it passes. A TLS connection reaches `client_started` (Suricata: client_in_progress) on its first payload segment; if nothing accepts it there, the default action drops the flow before the ClientHello is complete, so a rule at `tls:client_hello` never runs, for every connection, split ClientHello or not (AWS: DG firewall-rule-groups-accept-prior-hooks; Suricata 8.0.8 replay, AWS-NEXT-GEN.md 5.3 and 9.3 set S1). An accept rule fixes this with `<` (accept prior hooks); a drop or reject rule needs `accept:hook` rules at the earlier hooks, otherwise the traffic is blocked by the default action and never by this rule (which then neither logs nor behaves the same under an allow default). Not reported when the policy\'s firewall default action is ACCEPT or ALERT.',
      badExample: 'accept:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Unsafe: adding `<` makes the rule accept the earlier hooks of the connections it matches by header; review that this is the allow rule you meant.',
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
        if (!dropsByDefault(ctx.options)) return;
        for (const s of rules) {
          const h = appHookOf(s.hook);
          if (!h || h.progress === 0 || s.prior) continue;
          const missing = priorHooks(s.protocol, h).filter((p) => !accepted(rules, s.protocol, h.direction, p.progress));
          if (!missing.length) continue;
          const names = missing.map((p) => `${s.protocol}:${hookName(p, d)}`).join(', ');
          const at = `${s.protocol}:${hookName(h, d)}`;
          if (s.action === 'accept') {
            const canPrior = s.scope !== 'packet' && s.hookStart !== undefined;
            ctx.report({
              range: s.range,
              message: `never reached: the connection must first pass ${names}, which no rule accepts, so the default action drops it before '${at}'`,
              hint: canPrior ? `write '${s.protocol}:<${hookName(h, d)}' (accept prior hooks), or add 'accept:hook' rules for ${names}` : `add 'accept:hook' rules for ${names}`,
              fix: canPrior ? Fix.unsafe("Add '<' (accept prior hooks)", [{ range: { start: s.hookStart!, end: s.hookStart! }, text: '<' }]) : undefined,
            });
          } else {
            ctx.report({
              range: s.range,
              severity: ctx.severity === 'error' ? 'warning' : undefined,
              message: `this ${s.action} rule never fires: the default action drops the connection at ${names} (no rule accepts it there) before '${at}'; the traffic is blocked, but not by this rule and without its log`,
              hint: `add 'accept:hook' rules for ${names} ('<' works only on accept rules)`,
            });
          }
        }
      },
    };
  },
});
