import { resolveHook } from '../dialects/firewall-rule.js';
import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { closestMatch } from '../syntax/levenshtein.js';

/** A hook the protocol does not have (in any dialect). */
export default defineLintRule({
  meta: {
    id: 'fw-unknown-hook',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'Hook that the protocol does not have (`tls:client_hell`, `tcp:established`, `http:request_line`).',
      rationale:
        'Hooks are the states of each protocol\'s parser (`suricata --list-app-layer-hooks`) or the packet hooks flow_start, pre_flow, pre_stream and all; an unknown one is refused ("protocol \\"X\\" does not support hook \\"Y\\"", "unknown pkt hook"). `http` takes no hook: use `http1`. Hook names are case-sensitive. Hooks that exist only under another name in the other dialect (AWS `client_hello` vs Suricata `client_hello_done`) are fw-dialect-hook-name.',
      badExample: 'accept:hook tls:client_hell $HOME_NET any -> $EXTERNAL_NET any (sid:1;)',
      goodExample: 'accept:hook tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (sid:1;)',
      fixSafety: 'Unsafe: a did-you-mean to the closest hook name of the protocol.',
    },
  },
  checkRule(rule, ctx) {
    const d = ctx.options.dialect;
    const p = rule.header.protocol;
    if (!p?.hook || !d.primaryActions) return;
    const r = resolveHook(rule, d);
    if (r.kind !== 'unknown') return;
    const name = p.hook.text;
    const guess = r.candidates.find((c) => c.toLowerCase() === name.toLowerCase()) ?? closestMatch(name, r.candidates, 4);
    const http = p.name === 'http' ? " ('http' takes no hook: use 'http1' for HTTP/1 or 'http2')" : '';
    ctx.report({
      range: p.hook.range,
      message: r.candidates.length
        ? `'${p.name}' has no hook '${name}'${http}`
        : `'${p.name}' has no hooks${http}`,
      hint: r.candidates.length ? `${p.name} hooks: ${r.candidates.join(', ')}` : undefined,
      fix: guess ? Fix.unsafe(`Replace with '${guess}'`, [{ range: p.hook.range, text: guess }]) : undefined,
    });
  },
});
