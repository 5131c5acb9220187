import { defineLintRule } from '../linter/lint-rule.js';
import { factsFor } from '../semantics/rule-set-facts.js';

export default defineLintRule({
  meta: {
    id: 'sni-rules-quic-bypass',
    category: 'hygiene',
    severity: { 'aws-nfw': 'info', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'TLS SNI rules, and no rule in the run for QUIC (UDP 443): browsers reach the same sites over HTTP/3 past the SNI rules.',
      rationale:
        'tls.sni rules see TLS over TCP only. Browsers and many clients try HTTP/3 (QUIC over UDP 443) first; its handshake is not TLS over TCP, so no tls.sni rule applies and an allow or deny list keyed on the SNI is bypassed. Block QUIC (`drop quic $HOME_NET any -> any any (flow:to_server; sid:...;)` as AWS\'s best-practice template does, or drop UDP 443) so clients fall back to TLS over TCP, or write matching quic.sni rules. Not reported when any rule of the run handles QUIC or UDP 443; a policy default action that drops it also covers it.',
      badExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:2;)',
      goodExample:
        'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:1;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:2;)\ndrop quic $HOME_NET any -> any any (flow:to_server; sid:3;)',
    },
  },
  checkFile(ctx) {
    const facts = factsFor(ctx.text, ctx.options.ruleSet);
    if (!facts.sniRules || facts.quicHandled) return {};
    let done = false;
    return {
      rule(rule) {
        if (done || !rule.options.some((o) => o.name === 'tls.sni' || o.name === 'tls_sni')) return;
        done = true;
        ctx.report({
          range: { start: rule.ruleRange.start, end: rule.header.protocol?.range.end ?? rule.ruleRange.start },
          message: 'these TLS SNI rules do not see QUIC (HTTP/3 over UDP 443), and no rule in the run handles it: clients that use QUIC reach any site past them',
          hint: 'add drop quic $HOME_NET any -> any any (flow:to_server; sid:N;) so clients fall back to TLS over TCP, or unless your policy default action drops it',
        });
      },
    };
  },
});
