import { APP_HOOKS } from '../dialects/firewall-hooks.js';
import { appHookOf, hookName, keywordHook, resolveHook } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import type { TextRange } from '../source/text-range.js';

/** A keyword is valid only at the one hook where its data exists (tls.sni at the ClientHello hook, ...). */
export default defineLintRule({
  meta: {
    id: 'fw-keyword-hook',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'safe',
    docs: {
      summary: 'Keyword at a hook where its data is not produced: `tls.sni` away from the ClientHello hook, `http.host` away from request_headers, `ssl_state` at the ClientHello hook.',
      rationale:
        'In the firewall engine a protocol keyword is valid only at the hook where its data becomes available, not earlier and not later; `request_complete` is no catch-all (AWS: DG firewall-rule-constraints-keyword-hook; Suricata 8: "engine progress value P doesn\'t match hook H"). `tls.sni`, `tls.version`, `ja3`/`ja4` live at the ClientHello hook (AWS `tls:client_hello`), certificates at `client_cert`/`server_cert`, `http.method`/`http.uri` at `http1:request_line`, `http.host`/`http.user_agent`/`http.header` at `http1:request_headers`, `dns.query` at `dns:request_complete`, `ssh.software` at `ssh:request_banner_done`. The Classic advice to add `ssl_state:client_hello` is wrong here: `ssl_state` data exists only at the first TLS hook, so at `tls:client_hello` it makes the rule invalid (AWS-NEXT-GEN.md 4.2, R12). Keyword-to-hook table: src/dialects/firewall-keyword-hooks.ts.',
      badExample: 'accept:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety:
        'Safe: removing `ssl_state:client_hello` from a rule at the ClientHello hook (the hook already means the ClientHello was parsed), and moving a rule to the one hook where all its hook-bound keywords have their data (same direction; the `<` is kept). No fix when the keywords need different hooks.',
    },
  },
  checkRule(rule, ctx) {
    const d = ctx.options.dialect;
    const p = rule.header.protocol;
    if (!p?.hook || !d.primaryActions) return;
    const hook = appHookOf(resolveHook(rule, d));
    if (!hook) return;
    const protocol = p.name;
    const bad: { name: string; range: TextRange; want?: string; optionRange: TextRange; value?: string }[] = [];
    const needed = new Set<string>();
    for (const o of rule.options) {
      const kh = keywordHook(o.name);
      if (!kh || kh.protocol !== protocol) continue;
      const want = kh[hook.direction];
      const wantHook = want ? APP_HOOKS[protocol]?.find((h) => h.name === want && h.direction === hook.direction) : undefined;
      if (wantHook) needed.add(wantHook.name);
      if (wantHook && wantHook.progress === hook.progress) continue;
      bad.push({ name: o.keyword.text, range: o.keyword.range, want: wantHook ? hookName(wantHook, d) : undefined, optionRange: o.range, value: o.value?.text });
    }
    const single = needed.size === 1 ? APP_HOOKS[protocol]?.find((h) => h.name === [...needed][0] && h.direction === hook.direction) : undefined;
    for (const b of bad) {
      const here = `${protocol}:${p.hook.text}`;
      const ssl = b.name.toLowerCase() === 'ssl_state';
      const message = b.want
        ? `'${b.name}' has no data at '${here}': it is only valid at '${protocol}:${b.want}'${ssl ? " (the Classic advice to add ssl_state:client_hello does not apply to firewall rules)" : ''}`
        : `'${b.name}' has no data in the ${hook.direction} direction of '${here}'`;
      let fix: Fix | undefined;
      if (ssl && b.value?.replace(/\s/g, '').toLowerCase() === 'client_hello' && hook.progress === 1 && hook.direction === 'to_server') {
        let end = b.optionRange.end;
        while (ctx.text[end] === ' ') end++;
        fix = Fix.safe('Remove ssl_state:client_hello (the ClientHello hook already implies it)', [{ range: { start: b.optionRange.start, end }, text: '' }]);
      } else if (single && !bad.some((x) => !x.want) && needed.size === 1) {
        fix = Fix.safe(`Move the rule to '${protocol}:${hookName(single, d)}'`, [{ range: p.hook.range, text: hookName(single, d) }]);
      }
      ctx.report({
        range: b.range,
        message,
        hint: needed.size > 1 ? `the rule's keywords need different hooks (${[...needed].map((n) => APP_HOOKS[protocol]!.find((h) => h.name === n)!).map((h) => hookName(h, d)).join(', ')}): split it into one rule per hook` : undefined,
        fix,
      });
    }
  },
});
