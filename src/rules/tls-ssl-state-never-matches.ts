import { SSL_STATES } from '../catalog/tls-keyword-timing.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { removeOptionEdit } from './utils/remove-option.js';

const SERVER_STATES = ['server_hello', 'server_keyx'];

export default defineLintRule({
  meta: {
    id: 'tls-ssl-state-never-matches',
    category: 'tls',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'An ssl_state that can never match: invalid or wrongly cased values, `unknown`, contradictory lists, client_hello with server-side keywords, or client_hello when the rules run passively (inline: false).',
      rationale:
        "Suricata compares ssl_state values case-sensitively and rejects unknown ones. `unknown` is never set by Suricata 7's TLS parser, so `ssl_state:unknown` never matches. Several ssl_state options are ANDed: `client_hello` and `!client_hello`, or two disjoint positive lists, never hold together. The handshake state is one per-flow value: once the server's hello or certificate has been parsed it is no longer client_hello, so `ssl_state:client_hello` with ja3s.*, certificate keywords or tls_store never matches. Passively (IDS, inline: false) Suricata 7 inspects the client's data only after the server has acknowledged it, and by then the state has moved on: replayed over split, whole and classic ClientHellos, rules with ssl_state:client_hello fired on no flow.",
      badExample: 'pass tls any any -> any any (ssl_state:client_hello; tls.cert_issuer; content:"Amazon"; sid:1;)',
      goodExample: 'pass tls any any -> any any (tls.cert_issuer; content:"Amazon"; sid:1;)',
      fixSafety: 'Wrong casing is fixed automatically (`Client_Hello` to `client_hello`); under inline: false, ssl_state:client_hello is removed from rules that also have a ClientHello buffer (tls.sni, ja3.*, ja4.hash), which waits for the ClientHello anyway; everything else needs a decision.',
    },
  },
  checkRule(_rule, ctx, facts) {
    const a = facts.tls;
    // Most rules have no ssl_state option: nothing below can report then.
    if (a.sslStates.length === 0) return;
    for (const s of a.sslStates) {
      for (const item of s.items) {
        if (SSL_STATES.includes(item.name)) continue;
        const lower = item.name.toLowerCase();
        const nameStart = item.range.end - item.name.length;
        if (SSL_STATES.includes(lower)) {
          ctx.report({
            range: item.range,
            message: `ssl_state value '${item.name}' is wrongly cased: Suricata compares it case-sensitively and rejects the rule`,
            hint: `write '${lower}'`,
            fix: Fix.safe(`Write '${lower}'`, [Edit.replace({ start: nameStart, end: item.range.end }, lower)]),
          });
        } else {
          ctx.report({
            range: item.range,
            message: item.name ? `'${item.name}' is not an ssl_state value: Suricata rejects the rule` : 'empty ssl_state value: Suricata rejects the rule',
            hint: `use ${SSL_STATES.filter((x) => x !== 'unknown').join(', ')} (separated by '|')`,
          });
        }
      }
      if (s.positives.includes('unknown') && s.positives.length === 1) {
        ctx.report({
          range: s.option.range,
          message: "ssl_state:unknown never matches: Suricata 7's TLS parser never sets the 'unknown' state",
          hint: 'remove it, or name the handshake state you mean',
        });
      }
    }
    // ANDed ssl_state options: every positive-only option must share a state with the others, and no
    // state may be both required and excluded.
    const positiveOnly = a.sslStates.filter((s) => s.negatives.length === 0 && s.positives.length > 0);
    if (positiveOnly.length > 1) {
      const common = positiveOnly.map((s) => new Set(s.positives)).reduce((x, y) => new Set([...x].filter((v) => y.has(v))));
      if (common.size === 0) {
        ctx.report({
          range: positiveOnly[1].option.range,
          message: `these ssl_state options require different handshake states at once (${positiveOnly.map((s) => s.option.value?.text).join(' and ')}): the rule never matches`,
          hint: "ssl_state options are ANDed; list alternatives in one option with '|'",
        });
      }
    }
    for (const p of positiveOnly) {
      if (p.positives.length !== 1) continue;
      // `!x` alone excludes x; a list of negations (`!a|!b`) always matches, whatever the state.
      const excluded = a.sslStates.find((s) => s !== p && s.positives.length === 0 && s.negatives.length === 1 && s.negatives[0] === p.positives[0]);
      if (excluded) {
        ctx.report({
          range: excluded.option.range,
          message: `ssl_state:${p.option.value?.text} and ssl_state:${excluded.option.value?.text} contradict each other: the rule never matches`,
          hint: 'remove one of them',
        });
      }
    }
    // Passively (IDS), Suricata 7 inspects the client's data only once the server has acknowledged it; by
    // the next client packet the server's hello has been parsed, so the state is never client_hello there
    // (replayed: test/replay/core-claims.test.ts, no gated rule fired on any flow).
    if (!ctx.options.inline) {
      for (const p of positiveOnly) {
        if (p.positives.length !== 1 || p.positives[0] !== 'client_hello') continue;
        const buffer = a.clientHelloBuffers[0];
        ctx.report({
          range: p.option.range,
          severity: 'warning',
          message: 'ssl_state:client_hello never matches when Suricata runs passively (inline: false): it inspects the client\'s data only after the server has answered, when the handshake state is no longer client_hello (replayed on Suricata 7.0.10: such rules fired on no flow)',
          hint: buffer
            ? `remove it: '${buffer.keyword.text}' already waits for the parsed ClientHello, and fires one packet late in IDS`
            : 'remove it (the rule then fires one packet late in IDS, on the client\'s data), or set inline: true if these rules run inline (IPS)',
          fix: buffer ? Fix.safe('Remove ssl_state:client_hello (passive mode)', [removeOptionEdit(ctx.text, p.option)]) : undefined,
        });
      }
    }
    // client_hello (and no server state) together with server-side keywords.
    if (a.serverSide.length > 0) {
      for (const p of positiveOnly) {
        if (p.positives.some((x) => SERVER_STATES.includes(x))) continue;
        if (!p.positives.includes('client_hello')) continue;
        ctx.report({
          range: p.option.range,
          message: `ssl_state:${p.option.value?.text} with '${a.serverSide[0].keyword.text}' never matches: that data comes from the server after the state has left client_hello`,
          hint: `remove the ssl_state option; '${a.serverSide[0].keyword.text}' already waits for the server's messages`,
          suggestions: [Fix.displayOnly('Remove the ssl_state option', [Edit.remove(p.option.range)])],
        });
      }
    }
  },
});
