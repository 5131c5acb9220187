import { TCP_APP_PROTOCOLS } from '../dialects/firewall-hooks.js';
import { lineBreakOf } from '../source/line-break.js';
import { appHookOf, summarizeFirewallRule, type FirewallRuleSummary } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { dropsByDefault } from './utils/firewall-default.js';

/** Does carrier field `c` cover rule field `r` (same text, or `any`)? */
const covers = (c: string, r: string) => c.toLowerCase() === 'any' || c === r;

/** Does carrier `c` let the packets of rule `s`'s connection through in direction `dir`? */
function carries(c: FirewallRuleSummary, s: FirewallRuleSummary, dir: 'to_server' | 'to_client'): boolean {
  if (c.flowDirection && c.flowDirection !== dir) return false;
  const [src, sp, dst, dp] = s.fields;
  const want = dir === 'to_server' ? [src, sp, dst, dp] : [dst, dp, src, sp];
  const fwd = c.fields.every((f, i) => covers(f, want[i]));
  if (c.arrow === '<>') return fwd || c.fields.every((f, i) => covers(f, [want[2], want[3], want[0], want[1]][i]));
  return fwd;
}

/** TCP application rules need `accept:hook tcp:all` carrier rules for both directions. */
export default defineLintRule({
  meta: {
    id: 'fw-missing-carrier',
    category: 'firewall',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'TCP application-layer rules (tls, http1, ssh, ...) without `accept:hook tcp:all` carrier rules for both directions.',
      rationale:
        'Accept prior hooks stops at the TCP layer: the packets of a TLS or HTTP connection must also be accepted at the packet hook `tcp:all`, in both directions, or the packet-layer default drops every packet from the SYN on and the application rules never run (AWS: DG firewall-rule-groups-examples, firewall-rule-app-layer-drop-prior-hooks; Suricata 8.0.8 replay: 62 of 62 packets dropped, AWS-NEXT-GEN.md 5.2). AWS starts every TCP example with two carriers, one per direction. Not reported when the policy\'s firewall default action is ACCEPT or ALERT.',
      badExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:3;)',
      goodExample:
        'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1;)\naccept:hook tcp:all $EXTERNAL_NET 443 -> $HOME_NET any (flow:to_client; sid:2;)\naccept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:3;)',
      fixSafety: 'Unsafe: inserts the two carrier rules (with new sids above the file\'s highest) before the first rule that needs them; they accept the TCP packets of those connections at the packet layer.',
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
        const carriers = rules.filter((c) => c.action === 'accept' && c.hook.kind === 'packet' && c.hook.hook.name === 'all' && (c.protocol === 'tcp' || c.protocol === 'ip'));
        let sid = rules.reduce((m, r) => Math.max(m, r.sid ?? 0), 0);
        const reported = new Set<string>();
        for (const s of rules) {
          if (s.action !== 'accept' || !TCP_APP_PROTOCOLS.has(s.protocol) || !appHookOf(s.hook)) continue;
          const missing = (['to_server', 'to_client'] as const).filter((dir) => !carriers.some((c) => carries(c, s, dir)));
          if (!missing.length) continue;
          const key = s.fields.join(' ');
          if (reported.has(key)) continue;
          reported.add(key);
          const [src, sp, dst, dp] = s.fields;
          const lines = missing.map((dir) =>
            dir === 'to_server' ? `accept:hook tcp:all ${src} ${sp} -> ${dst} ${dp} (flow:to_server; sid:${++sid};)` : `accept:hook tcp:all ${dst} ${dp} -> ${src} ${sp} (flow:to_client; sid:${++sid};)`,
          );
          let lineStart = s.range.start;
          while (lineStart > 0 && ctx.text[lineStart - 1] !== '\n') lineStart--;
          const eol = lineBreakOf(ctx.text);
          ctx.report({
            range: s.range,
            message: `no 'accept:hook tcp:all' carrier for the ${missing.map((m) => (m === 'to_server' ? 'client-to-server' : 'server-to-client')).join(' and ')} packets of this ${s.protocol} connection: the packet-layer default drops them before any ${s.protocol} hook runs`,
            hint: `add ${lines.length === 1 ? 'the carrier rule' : 'two carrier rules'}: ${lines.join(' / ')}`,
            fix: Fix.unsafe(`Insert the tcp:all carrier rule${lines.length > 1 ? 's' : ''}`, [{ range: { start: lineStart, end: lineStart }, text: lines.map((l) => l + eol).join('') }]),
          });
        }
      },
    };
  },
});
