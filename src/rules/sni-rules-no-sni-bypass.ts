import { defineLintRule } from '../linter/lint-rule.js';
import { factsFor } from '../semantics/rule-set-facts.js';

export default defineLintRule({
  meta: {
    id: 'sni-rules-no-sni-bypass',
    category: 'hygiene',
    severity: { 'aws-nfw': 'info', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'TLS SNI rules, and no drop or reject in the run that can take a ClientHello without an SNI: TLS without SNI passes.',
      rationale:
        'A ClientHello may carry no server_name extension (connections to an IP address, some malware). tls.sni rules never match it: the buffer does not exist, so even `content:!"..."` fails. A deny list keyed on the SNI lets such connections through; so does an allow list whose only default deny also reads the SNI. A TLS catch-all (`drop tls ... (ssl_state:client_hello; ...)`) or AWS\'s JA4 rule for ClientHellos without SNI (`ja4.hash; content:"_"; startswith; content:!"d"; offset:3; depth:1;`) closes it.',
      badExample: 'drop tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"evil.example"; startswith; endswith; flow:to_server; sid:1;)',
      goodExample:
        'drop tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"evil.example"; startswith; endswith; flow:to_server; sid:1;)\nreject tls $HOME_NET any -> any any (ja4.hash; content:"_"; startswith; content:!"d"; offset:3; depth:1; msg:"JA4 No SNI Reject"; sid:2;)',
    },
  },
  checkFile(ctx) {
    const facts = factsFor(ctx.text, ctx.options.ruleSet);
    if (!facts.sniRules || facts.noSniHandled) return {};
    let done = false;
    return {
      rule(rule) {
        if (done || !rule.options.some((o) => o.name === 'tls.sni' || o.name === 'tls_sni')) return;
        done = true;
        ctx.report({
          range: { start: rule.ruleRange.start, end: rule.header.protocol?.range.end ?? rule.ruleRange.start },
          message: 'no drop or reject in the run can take a TLS ClientHello without an SNI: these tls.sni rules never see it, so TLS without SNI passes',
          hint: 'add a TLS default deny after the allow list (drop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:N;)) or a JA4 no-SNI reject (ja4.hash; content:"_"; startswith; content:!"d"; offset:3; depth:1;)',
        });
      },
    };
  },
});
