import { defineLintRule } from '../linter/lint-rule.js';
import { clientHelloFix } from './utils/client-hello-fix.js';
import { analyzeTls, clientHelloFixBlocker } from './utils/tls-analysis.js';

export default defineLintRule({
  meta: {
    id: 'tls-version-early-match',
    category: 'tls',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'unsafe',
    docs: {
      summary: 'A blocking ssl_version / tls.version rule without a ClientHello gate.',
      rationale:
        "Suricata stores the record-layer version as soon as a record header arrives. Clients send the ClientHello record with the legacy version 0x0301 (TLS 1.0), and the real version is known only once the ClientHello is parsed. On the first segment of a split ClientHello, a rule such as `ssl_version:tls1.0,tls1.1` can therefore match a TLS 1.3 client (inferred from Suricata 7 source; not yet confirmed on a capture, hence a warning).",
      badExample: 'reject tls any any -> any any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)',
      goodExample: 'reject tls any any -> any any (ssl_state:client_hello; msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)',
      fixSafety: 'Unsafe: with ssl_state:client_hello the rule checks the version the client offers in its ClientHello, not what the server later negotiates; confirm that is what you want.',
    },
  },
  checkRule(rule, ctx) {
    const a = analyzeTls(rule);
    if (!a.isTlsRule || !a.blocking || a.gated || a.recordVersion.length === 0 || a.direction === 'to_client') return;
    const blocker = clientHelloFixBlocker(a);
    const kw = a.recordVersion[0];
    ctx.report({
      range: kw.range,
      message: `'${kw.keyword.text}' can match the record-layer version (TLS 1.0) of the first segment of a split ClientHello, so this ${a.action} rule may block modern clients`,
      hint: blocker ? `gate the rule on the ClientHello by hand (${blocker})` : 'add ssl_state:client_hello; so the version is read from the complete ClientHello',
      fix: blocker ? undefined : clientHelloFix(rule, a, 'unsafe'),
    });
  },
});
