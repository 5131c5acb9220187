import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { RuleStatement } from '../syntax/tree.js';
import type { FlowbitsValue } from '../syntax/option-values.js';
import { clientHelloFix } from './utils/client-hello-fix.js';
import { analyzeTls, clientHelloFixBlocker, type TlsRuleAnalysis } from './utils/tls-analysis.js';

const ID = 'tls-client-hello-gate';

/** Flowbits that some blocking rule tests with `isset` (an early `set` would make it block early). */
function flowbitsReadByBlockingRules(rules: Iterable<RuleStatement>): Set<string> {
  const read = new Set<string>();
  for (const r of rules) {
    if (!analyzeTls(r).blocking) continue;
    for (const o of r.options) {
      if (o.parsed?.kind !== 'flowbits') continue;
      const v = o.parsed as FlowbitsValue;
      if (v.command === 'isset') for (const n of v.names) read.add(n.name);
    }
  }
  return read;
}

/** Per run: computed the first time a rule sets a flowbit (a look-ahead over the rules that mention flowbits). */
const readCache = new WeakMap<RuleContext, Set<string>>();

function setsFlowbitReadByBlocker(rule: RuleStatement, ctx: RuleContext): string | undefined {
  let read = readCache.get(ctx);
  if (!read) {
    read = flowbitsReadByBlockingRules(ctx.rulesMentioning('flowbits'));
    readCache.set(ctx, read);
  }
  for (const o of rule.options) {
    if (o.parsed?.kind !== 'flowbits') continue;
    const v = o.parsed as FlowbitsValue;
    if (v.command === 'set' || v.command === 'toggle') for (const n of v.names) if (read.has(n.name)) return n.name;
  }
  return undefined;
}

function applies(a: TlsRuleAnalysis): boolean {
  // Blocking ssl_version/tls.version rules are tls-version-early-match's (a more precise message).
  return a.isTlsRule && !a.gated && a.direction !== 'to_client' && !a.notEstablished && !(a.blocking && a.recordVersion.length > 0);
}

export default defineLintRule({
  meta: {
    id: ID,
    category: 'tls',
    severity: { 'aws-nfw': 'error', suricata: 'warning' },
    fix: 'safe',
    docs: {
      summary: 'A TLS rule that can fire on the first TCP segment of a ClientHello, before the ClientHello is complete.',
      rationale:
        "Go 1.23+, Chrome 131+ and OpenSSL 3.5 send a post-quantum key share (X25519MLKEM768) that makes the ClientHello larger than one TCP segment. Suricata marks the flow as `tls` on the first segment but parses the ClientHello only when the whole record has arrived. A drop/reject TLS rule that needs nothing from the parsed ClientHello (no `ssl_state:client_hello`, no `tls.sni`, `ja3.*`, `ja4.hash`) matches that first segment, before any SNI pass rule can: the connection hangs or is reset (Terraform AWS provider, Grafana Tempo, Karpenter and the VPC CNI all hit this behind AWS Network Firewall). AWS's fix is `ssl_state:client_hello;`. Errors on drop/reject, warns on pass (a pass on the first segment passes the whole flow before the SNI is known), and checks alert rules only when they set a flowbit that a blocking rule tests with isset.",
      badExample: 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not matching any TLS allowlisted FQDNs"; flow:to_server, established; sid:3; rev:1;)',
      goodExample: 'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; msg:"not matching any TLS allowlisted FQDNs"; flow:to_server, established; sid:3; rev:1;)',
      fixSafety:
        'Safe: inserts `ssl_state:client_hello; ` right after `(` (or narrows an existing negation-only ssl_state to client_hello). Never offered on rules that read the server side (ja3s.*, certificate keywords, tls_store), on flow:to_client rules, or where an existing ssl_state excludes client_hello: there it would make the rule never match.',
    },
  },
  checkRule(rule, ctx) {
    const a = analyzeTls(rule);
    if (!applies(a)) return;
    let severity: 'error' | 'warning' | 'info';
    let flowbit: string | undefined;
    if (a.blocking) severity = ctx.severity;
    else if (a.action === 'pass') severity = ctx.severity === 'error' ? 'warning' : 'info';
    else {
      flowbit = setsFlowbitReadByBlocker(rule, ctx);
      if (!flowbit) return;
      severity = ctx.severity === 'error' ? 'warning' : 'info';
    }
    const blocker = clientHelloFixBlocker(a);
    const what =
      a.blocking
        ? `this ${a.action} rule can match the first TCP segment of a TLS ClientHello, before the ClientHello is complete`
        : a.action === 'pass'
          ? 'this pass rule can match the first TCP segment of a TLS ClientHello and pass the whole flow before the SNI is known'
          : `this rule sets flowbit '${flowbit}' on the first TCP segment of a ClientHello, and a blocking rule tests it`;
    const why = 'clients with post-quantum key shares (Go 1.23+, Chrome 131+, OpenSSL 3.5) split the ClientHello across segments';
    const action = rule.header.action!;
    ctx.report({
      range: { start: action.range.start, end: rule.header.protocol?.range.end ?? action.range.end },
      severity,
      message: `${what}: ${why}`,
      hint: blocker ? `add a ClientHello condition by hand; ssl_state:client_hello cannot be added because ${blocker}` : 'add ssl_state:client_hello; so the rule waits for the complete ClientHello',
      fix: blocker ? undefined : clientHelloFix(rule, a),
    });
  },
});
