import { lookupProtocol } from '../catalog/protocols.js';
import { APP_HOOKS } from '../dialects/firewall-hooks.js';
import { hookName, keywordHook } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** Every firewall rule names its hook: `tls:client_hello`, `tcp:all`. */
export default defineLintRule({
  meta: {
    id: 'fw-missing-hook',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'Firewall rule whose protocol has no `:hook` (`tls` instead of `tls:client_hello`).',
      rationale:
        'A firewall rule is evaluated at one connection-state hook, written after the protocol: `action:scope protocol:hook ...` (AWS: DG firewall-rule-constraints; Suricata 8: "is loaded as a firewall rule, but does not specify an explicit hook"). Packet protocols use packet hooks (`tcp:all`); application protocols their states (`tls:client_hello`, `http1:request_headers`).',
      badExample: 'accept:flow tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: "Unsafe: adds the hook where the rule's keywords have their data (with `<` for accept rules), or `all` for a packet protocol; review that it is the state you meant.",
    },
  },
  checkRule(rule, ctx) {
    const d = ctx.options.dialect;
    const p = rule.header.protocol;
    const a = rule.header.action;
    if (!p || p.hook || !d.primaryActions) return;
    const info = lookupProtocol(p.name);
    let hook: string | undefined;
    if (info?.layer === 'packet') hook = 'all';
    else {
      const wanted = new Set<string>();
      for (const o of rule.options) {
        const kh = keywordHook(o.name);
        if (kh && kh.protocol === p.name && kh.to_server) wanted.add(kh.to_server);
      }
      if (wanted.size === 1) {
        const h = APP_HOOKS[p.name]?.find((x) => x.name === [...wanted][0]);
        if (h) hook = (a?.name === 'accept' && a.scope?.text !== 'packet' && h.progress > 0 ? '<' : '') + hookName(h, d);
      }
    }
    const common = p.name === 'tls' ? (d.hookNames === 'aws' ? 'client_hello' : 'client_hello_done') : p.name === 'http1' ? 'request_headers' : info?.layer === 'packet' ? 'all' : 'request_complete';
    ctx.report({
      range: p.range,
      message: `firewall rule without a hook: '${p.text}' needs ':<hook>', the connection state it is evaluated at`,
      hint: hook ? `the rule's keywords have their data at '${p.text}:${hook.replace('<', '')}'` : `for example '${p.text}:${common}' (hooks of ${p.name}: suricata-lint explain fw-unknown-hook)`,
      fix: hook ? Fix.unsafe(`Add the hook ':${hook}'`, [{ range: { start: p.range.end, end: p.range.end }, text: `:${hook}` }]) : undefined,
    });
  },
});
