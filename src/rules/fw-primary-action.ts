import { defineLintRule } from '../linter/lint-rule.js';

/** A firewall rule's first action must be accept, drop or a reject; later actions only pass or alert. */
export default defineLintRule({
  meta: {
    id: 'fw-primary-action',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'safe',
    docs: {
      summary: 'Firewall rule whose primary action is not accept, drop or reject (pass, alert, config), or whose secondary action is not pass or alert.',
      rationale:
        'In the firewall engine the first action decides: accept, drop, reject, rejectdst or rejectboth (AWS: DG firewall-rule-constraints-action-scope; API FirewallRule Action). `pass` (bypass the IPS engine) and `alert` (also log) exist only as secondary actions after a comma (`accept:flow,pass:flow`, `drop:flow,alert`). `config` is upstream-only: AWS does not support it. Suricata 8 refuses the rule: "only accept, config, drop and reject actions allowed as primary action firewall rules" / "accept, config, drop and reject actions not allowed as secondary action firewall rules".',
      badExample: 'pass:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'None for the primary action (pass, alert and accept mean different things). A secondary action written with an underscore spelling is left to parse-error.',
    },
  },
  checkRule(rule, ctx) {
    const a = rule.header.action;
    const d = ctx.options.dialect;
    if (!a || !d.primaryActions) return;
    const nameRange = { start: a.range.start, end: a.range.start + a.name.length };
    if (!d.primaryActions.includes(a.name)) {
      const why =
        a.name === 'pass'
          ? "'pass' is only a secondary action (IPS bypass): write 'accept:flow,pass:flow'"
          : a.name === 'alert'
            ? "'alert' is only a secondary action: write 'accept:<scope>,alert' or 'drop:flow,alert', or move the rule to the IPS section"
            : a.name === 'config'
              ? "AWS Network Firewall does not support the 'config' action in firewall rules"
              : `'${a.name}' is not a firewall action`;
      ctx.report({
        range: nameRange,
        message: `primary action '${a.name}' is not allowed in firewall rules: ${why}`,
        hint: `firewall rules start with ${d.primaryActions.filter((x) => x !== 'rejectsrc').join(', ')}`,
      });
    }
    const p = rule.header.protocol;
    if (a.name === 'config' && d.primaryActions.includes('config') && p?.hook && ['all', 'flow_start', 'pre_flow', 'pre_stream'].includes(p.hook.text)) {
      ctx.report({
        range: nameRange,
        message: `'config' at the packet hook '${p.text}': Suricata 8.0.8 aborts while loading this rule (it parses config:packet only at application-layer hooks)`,
        hint: 'use config at an application-layer hook (for example dns:request_complete)',
      });
    }
    for (const s of a.secondary ?? []) {
      if (d.secondaryActions && !(s.name in d.secondaryActions)) {
        ctx.report({
          range: s.range,
          message: `'${s.name}' is not allowed as a secondary action: after the first action only ${Object.keys(d.secondaryActions).join(' and ')} may follow`,
          hint: 'one rule has one primary action; write a second rule for a second verdict',
        });
      } else if (s.name === 'pass' && a.name !== 'accept') {
        ctx.report({ range: s.range, message: "'pass' (IPS bypass) is only allowed after an 'accept' primary action", hint: 'traffic that is dropped never reaches the IPS engine; remove the pass' });
      }
    }
  },
});
