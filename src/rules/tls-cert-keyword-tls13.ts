import { tlsKeywordTiming } from '../catalog/tls-keyword-timing.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'tls-cert-keyword-tls13',
    category: 'tls',
    severity: { 'aws-nfw': 'info', suricata: 'info' },
    fix: 'none',
    docs: {
      summary: 'Certificate keywords never match TLS 1.3 connections unless the firewall decrypts them.',
      rationale:
        'In TLS 1.3 the Certificate message is encrypted. Without TLS inspection (decryption) on AWS Network Firewall, rules on tls.cert_*, tls.certs, validity or chain keywords only see TLS 1.2 and older handshakes; a pass rule keyed on the issuer lets no TLS 1.3 flow through, a drop rule blocks none.',
      badExample: 'reject tls $EXTERNAL_NET 443 -> $HOME_NET any (tls.cert_issuer; content:"="; sid:897972;)',
    },
  },
  checkRule(rule, ctx) {
    const o = rule.options.find((x) => tlsKeywordTiming(x.name)?.phase === 'certificate');
    if (!o) return;
    ctx.report({
      range: o.keyword.range,
      message: `'${o.keyword.text}' reads the server certificate, which TLS 1.3 encrypts: this rule only sees TLS 1.2 and older unless TLS inspection is enabled`,
      hint: 'key the rule on tls.sni (ClientHello) instead, or enable TLS inspection for this traffic',
    });
  },
});
