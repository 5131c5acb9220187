import { defineLintRule } from '../linter/lint-rule.js';
import { clientHelloFix } from './utils/client-hello-fix.js';
import { clientHelloFixBlocker } from './utils/tls-analysis.js';

export default defineLintRule({
  meta: {
    id: 'tls-version-early-match',
    category: 'tls',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'A blocking ssl_version / tls.version rule without a ClientHello gate: it reads the record-layer version (TLS 1.0) of the first segment of a split ClientHello.',
      rationale:
        "Suricata stores the record-layer version as soon as a record header arrives, and every client sends its ClientHello record with the legacy version 0x0301 (TLS 1.0); the version it offers is known only once the ClientHello is parsed. Replayed on Suricata 7.0.10 inline: `reject tls ... (ssl_version:tls1.0,tls1.1; flow:to_server;)` fires on the first segment of every split post-quantum ClientHello (and, being a transaction match, drops the whole flow; reject resets it), while whole ClientHellos are parsed in the same packet and do not match. Gated on `ssl_state:client_hello` it never fires on a modern client and still fires on a real TLS 1.0 client's ClientHello. Passively (inline: false) nothing is blocked, and a gated rule never fires (Suricata inspects the client's data after the server's answer), so the check is off.",
      badExample: 'reject tls any any -> any any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)',
      goodExample: 'reject tls any any -> any any (ssl_state:client_hello; msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; sid:2023070518;)',
      fixSafety: 'Safe: inserts ssl_state:client_hello; so the version is the one the ClientHello offers (replayed: the gated rule still blocks TLS 1.0 clients and no longer blocks post-quantum TLS 1.3 clients). Not offered where tls-client-hello-gate would not offer it (server-side keywords, to_client, packet keywords).',
    },
  },
  checkRule(rule, ctx, facts) {
    if (!ctx.options.inline) return;
    const a = facts.tls;
    if (!a.isTlsRule || !a.blocking || a.gated || a.recordVersion.length === 0 || a.direction === 'to_client') return;
    const blocker = clientHelloFixBlocker(a);
    const kw = a.recordVersion[0];
    const value = (kw.value?.text ?? '').toLowerCase();
    // The record layer of a ClientHello says TLS 1.0: a list naming tls1.0 (or 1.0), or any negation other than of 1.0, matches it.
    const tls10 = /(^|[^!.\d])(tls)?1\.0\b/.test(value) || (/!/.test(value) && !/!\s*(tls)?1\.0\b/.test(value));
    const effect = a.action.startsWith('reject') ? 'reject resets the connection' : 'drop drops the rest of the flow (a version match is a transaction match)';
    ctx.report({
      range: kw.range,
      severity: tls10 ? undefined : 'warning',
      message: tls10
        ? `'${kw.keyword.text}:${kw.value?.text ?? ''}' matches the record-layer version (TLS 1.0) of the first segment of a split ClientHello, which every client sends: this ${a.action} rule fires on every post-quantum client (Go 1.23+, Chrome 131+, OpenSSL 3.5), and ${effect}`
        : `'${kw.keyword.text}' reads the record-layer version on the first segment of a split ClientHello, not the version the ClientHello offers: this ${a.action} rule decides on the wrong version there`,
      hint: blocker ? `gate the rule on the ClientHello by hand (${blocker})` : 'add ssl_state:client_hello; so the version is read from the complete ClientHello (it still blocks real TLS 1.0/1.1 clients)',
      fix: blocker ? undefined : clientHelloFix(rule, a),
    });
  },
});
