import { resolveHook } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** `<` (accept prior hooks) only on accept:flow/tx/hook rules at application-layer hooks. */
export default defineLintRule({
  meta: {
    id: 'fw-accept-prior-hooks',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'safe',
    docs: {
      summary: '`<` (accept prior hooks) with a drop or reject action, with accept:packet, or on a packet hook.',
      rationale:
        'The `<` before a hook (`tls:<client_hello`, modeled AcceptPriorHooks) accepts the earlier application-layer hooks on the way to the rule\'s hook. Only accept rules can do that (AWS: DG firewall-rule-app-layer-drop-prior-hooks; Suricata 8: "auto-accept notation (<hook) can only be used with accept:flow, accept:tx and accept:hook"): a drop or reject rule at a later hook needs explicit `accept:hook` rules for each earlier hook. It never applies to packet hooks (Suricata: "unknown pkt hook <all"; AWS drops AcceptPriorHooks there).',
      badExample: 'drop:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:hook tls:client_started $HOME_NET any -> $EXTERNAL_NET any (sid:1;)\ndrop:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:2;)',
      fixSafety: 'Safe on a packet hook (the `<` has no meaning there and AWS drops it). No fix for drop/reject: the earlier hooks need accept rules of their own.',
    },
  },
  checkRule(rule, ctx) {
    const d = ctx.options.dialect;
    const p = rule.header.protocol;
    const a = rule.header.action;
    if (!p?.acceptPriorHooks || !a || !d.primaryActions) return;
    const r = resolveHook(rule, d);
    if (r.kind === 'packet' || (r.kind === 'unknown' && p.hook && ['all', 'flow_start', 'pre_flow', 'pre_stream'].includes(p.hook.text))) {
      ctx.report({
        range: p.acceptPriorHooks,
        message: `'<' (accept prior hooks) on the packet hook '${p.name}:${p.hook!.text}': it applies to application-layer hooks only`,
        fix: Fix.safe("Remove '<'", [{ range: p.acceptPriorHooks, text: '' }]),
      });
      return;
    }
    const scope = a.scope?.text;
    if (a.name !== 'accept' || scope === 'packet') {
      ctx.report({
        range: p.acceptPriorHooks,
        message: `'<' (accept prior hooks) with '${a.text}': only accept:flow, accept:tx and accept:hook rules can accept the earlier hooks`,
        hint: a.name === 'accept' ? 'use accept:hook, accept:tx or accept:flow' : `remove '<' and add an 'accept:hook' rule for each earlier hook of ${p.name} (for TLS: accept:hook tls:${d.hookNames === 'aws' ? 'client_started' : 'client_in_progress'})`,
      });
    }
  },
});
