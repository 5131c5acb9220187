import { resolveHook } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** AWS hook names under the upstream profile, upstream names under the AWS profile (safe rename). */
export default defineLintRule({
  meta: {
    id: 'fw-dialect-hook-name',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'safe',
    docs: {
      summary: "Hook spelled in the other dialect: Suricata's `tls:client_hello_done` under AWS, AWS's `tls:client_hello` under upstream Suricata.",
      rationale:
        'AWS Network Firewall names the TLS states its own way: `client_started`, `client_hello`, `client_cert`, `server_cert`, where Suricata 8 says `client_in_progress`, `client_hello_done`, `client_cert_done`, `server_cert_done` (AWS-NEXT-GEN.md 3.3). Each side refuses the other\'s spelling ("protocol \\"tls\\" does not support hook \\"client_hello\\""), so rules copied from Suricata\'s documentation fail on AWS and the reverse. Under aws-nfw-firewall an upstream hook name whose AWS spelling AWS has not published (DNS, SSH, QUIC hooks, most TLS server states) is reported as a note: check it against the AWS console before relying on it.',
      badExample: 'accept:flow tls:<client_hello_done $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Safe: the two names stand for the same parser state; only the spelling changes.',
    },
  },
  checkRule(rule, ctx) {
    const d = ctx.options.dialect;
    const p = rule.header.protocol;
    if (!p?.hook || !d.primaryActions) return;
    const r = resolveHook(rule, d);
    const other = d.hookNames === 'aws' ? 'Suricata 8' : 'AWS Network Firewall';
    if (r.kind === 'other-dialect') {
      ctx.report({
        range: p.hook.range,
        message: `'${p.name}:${p.hook.text}' is the ${other} name of this hook; ${d.name} calls it '${p.name}:${r.rename}'`,
        hint: d.hookNames === 'aws' ? 'AWS refuses the upstream spelling' : 'Suricata 8 refuses the AWS spelling ("does not support hook")',
        fix: Fix.safe(`Rename the hook to '${r.rename}'`, [{ range: p.hook.range, text: r.rename }]),
      });
    } else if (r.kind === 'unverified') {
      ctx.report({
        range: p.hook.range,
        severity: 'info',
        message: `'${p.name}:${p.hook.text}' is Suricata 8's name; AWS has not published its name for this hook`,
        hint: 'check the hook in the AWS console ("Connection state") or a describe-rule-group output before relying on it',
      });
    } else if (r.kind === 'app' && r.awsOnly && d.hookNames === 'upstream') {
      ctx.report({ range: p.hook.range, message: `'${p.name}:${p.hook.text}' is an AWS application substate; Suricata 8.0 has no such hook (9.0 adds http2 substates)` });
    }
  },
});
