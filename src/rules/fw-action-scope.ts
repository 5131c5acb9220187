import { ACTION_SCOPES } from '../catalog/actions.js';
import { UDP_APP_PROTOCOLS } from '../dialects/firewall-hooks.js';
import { resolveHook } from '../dialects/firewall-rule.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** Scopes in firewall rules: mandatory, valid for the action and the hook, the same across a multi-action rule. */
export default defineLintRule({
  meta: {
    id: 'fw-action-scope',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'none',
    docs: {
      summary: 'Firewall rule without an action scope, with a scope its hook does not allow, or with different scopes in one multi-action rule.',
      rationale:
        'Every firewall rule states how far its verdict reaches: `packet`, `hook`, `tx` or `flow` (AWS: DG firewall-rule-constraints-action-scope, "scope is mandatory"; Suricata 8: "firewall rules require setting an explicit action scope"). The hook narrows the choice: `packet` is refused at a TCP application-layer hook ("uses action scope \\"packet\\" for an non-UDP app hook"); `pre_flow` and `pre_stream` take only packet or hook. All actions of one rule share one scope ("multi-action rules cannot use different action scopes"), so an IPS bypass (`pass`) needs the primary at flow or packet scope (DG firewall-rule-ips-bypass); `alert` takes no scope at all.',
      badExample: 'accept tcp:all $HOME_NET any -> $EXTERNAL_NET any (sid:1;)',
      goodExample: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET any (sid:1;)',
      fixSafety: 'No fix: the scope is the rule\'s meaning (accept:hook and accept:flow let different traffic through).',
    },
  },
  checkRule(rule, ctx) {
    const a = rule.header.action;
    const d = ctx.options.dialect;
    if (!a || !d.primaryActions || !d.primaryActions.includes(a.name)) return;
    const scopes = ACTION_SCOPES[a.name] ?? [];
    if (!a.scope) {
      ctx.report({
        range: a.range,
        message: `firewall rule without an action scope: write '${a.name}:${scopes.join("', '" + a.name + ':')}'`,
        hint: a.name === 'accept' ? "accept:flow allows the whole connection; accept:hook only this hook (the next hooks need their own accepts); accept:tx this transaction" : 'drop:flow blocks the connection, drop:packet this packet',
      });
      return;
    }
    const scope = a.scope.text;
    if (!scopes.includes(scope)) return; // parse-error says which scopes the action takes
    const r = resolveHook(rule, d);
    if (r.kind === 'packet' && !r.hook.scopes.includes(scope)) {
      ctx.report({ range: a.scope.range, message: `action scope '${scope}' is not valid at the '${r.hook.name}' hook: it takes ${r.hook.scopes.join(' or ')}` });
    }
    if ((r.kind === 'app' || r.kind === 'other-dialect' || r.kind === 'unverified') && scope === 'packet' && a.name !== 'config' && !UDP_APP_PROTOCOLS.has(r.protocol)) {
      ctx.report({
        range: a.scope.range,
        message: `action scope 'packet' at a TCP application-layer hook ('${rule.header.protocol!.text}'): a hook of a TCP protocol is not a packet`,
        hint: a.name === 'accept' ? "use accept:hook, accept:tx or accept:flow" : 'use drop:flow (or reject:flow)',
      });
    }
    for (const s of a.secondary ?? []) {
      if (s.name === 'pass') {
        if (!s.scope) ctx.report({ range: s.range, message: `IPS bypass 'pass' needs the rule's scope: write 'pass:${scope}'` });
        else if (s.scope.text !== scope) ctx.report({ range: s.range, message: `multi-action rule with different scopes ('${a.text}' and '${s.text}'): all actions of a rule share one scope` });
        else if (scope !== 'flow' && scope !== 'packet') {
          ctx.report({ range: s.range, message: `IPS bypass ('${s.text}') is valid only at flow or packet scope`, hint: 'write accept:flow,pass:flow' });
        }
      }
    }
  },
});
