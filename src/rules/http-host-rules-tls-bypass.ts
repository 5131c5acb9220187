import { defineLintRule } from '../linter/lint-rule.js';
import { factsFor } from '../semantics/rule-set-facts.js';

export default defineLintRule({
  meta: {
    id: 'http-host-rules-tls-bypass',
    category: 'hygiene',
    severity: { 'aws-nfw': 'info', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'An HTTP host allow list, and no tls.sni rule anywhere in the run: HTTPS is not filtered by host name at all.',
      rationale:
        'http.host rules see plain HTTP only. The same clients reach the same (or any other) hosts over HTTPS, where the name is in the TLS SNI; with no tls.sni rule in the run, the allow list is bypassed by using https://. Give the HTTP allow list its TLS twin (the same names on tls.sni, as AWS generates when a domain list has both HTTP_HOST and TLS_SNI targets).',
      badExample: 'pass http $HOME_NET any -> any any (http.host; content:"example.com"; startswith; endswith; flow:to_server; sid:1;)\ndrop http $HOME_NET any -> any any (flow:to_server; sid:2;)',
      goodExample:
        'pass http $HOME_NET any -> any any (http.host; content:"example.com"; startswith; endswith; flow:to_server; sid:1;)\npass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:2;)',
    },
  },
  checkFile(ctx) {
    const facts = factsFor(ctx.text, ctx.options.ruleSet);
    if (facts.sniRules) return {};
    let done = false;
    return {
      rule(rule) {
        if (done || rule.header.action?.name !== 'pass' || !rule.options.some((o) => o.name === 'http.host' || o.name === 'http_host')) return;
        done = true;
        ctx.report({
          range: { start: rule.ruleRange.start, end: rule.header.protocol?.range.end ?? rule.ruleRange.start },
          message: 'this HTTP host allow list has no TLS twin: no rule in the run reads tls.sni, so HTTPS to any host is not filtered by name',
          hint: 'add the same names as tls.sni pass rules, with a TLS default deny after them',
        });
      },
    };
  },
});
