import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { RuleStatement } from '../syntax/tree.js';
import type { FlowbitsValue } from '../syntax/option-values.js';
import { excludesTls, isCatchAll, isnotsetFlowbits, issetFlowbits, setFlowbits, sidOf } from './utils/catch-all.js';
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

function setsFlowbitReadByBlocker(rule: RuleStatement, ctx: RuleContext): string | undefined {
  // Per run: computed the first time a rule sets a flowbit (a look-ahead over the rules that mention flowbits).
  const read = ctx.run.memo(flowbitsReadByBlockingRules, () => flowbitsReadByBlockingRules(ctx.rulesMentioning('flowbits')));
  for (const o of rule.options) {
    if (o.parsed?.kind !== 'flowbits') continue;
    const v = o.parsed as FlowbitsValue;
    if (v.command === 'set' || v.command === 'toggle') for (const n of v.names) if (read.has(n.name)) return n.name;
  }
  return undefined;
}

/**
 * Flowbits set only by rules that wait for the complete ClientHello (and by at least one rule): a rule
 * requiring one with `isset` cannot match the first segment either (issue 20, item 3).
 */
function lateFlowbits(rules: Iterable<RuleStatement>): Set<string> {
  const late = new Set<string>();
  const early = new Set<string>();
  for (const r of rules) {
    const a = analyzeTls(r);
    const gated = a.isTlsRule && a.gated;
    for (const n of setFlowbits(r)) (gated ? late : early).add(n);
  }
  for (const n of early) late.delete(n);
  return late;
}

function gatedByFlowbit(rule: RuleStatement, ctx: RuleContext): string | undefined {
  const names = issetFlowbits(rule);
  if (names.length === 0) return undefined;
  const late = ctx.run.memo(lateFlowbits, () => lateFlowbits(ctx.rulesMentioning('flowbits')));
  return names.find((n) => late.has(n));
}

/** A catch-all (tcp/ip drop/reject) the first segment falls to once this rule waits: after it in strict order, anywhere in action order. */
interface FallThrough {
  readonly start: number;
  readonly sid?: string;
  readonly what: string;
}
/** Catch-alls of the run, in file order (computed once per run). */
function fallThroughs(ctx: RuleContext): FallThrough[] {
  const all: FallThrough[] = [];
  const bits = new Set<string>();
  for (const r of ctx.rulesMentioning('flowbits')) {
    const a = analyzeTls(r);
    if (a.isTlsRule && !a.gated) for (const n of setFlowbits(r)) bits.add(n);
  }
  const seen = new Set<number>();
  // Catch-alls are tcp or ip rules, so their text mentions one of the two.
  for (const r of [...ctx.rulesMentioning('tcp'), ...ctx.rulesMentioning('ip')]) {
    if (seen.has(r.range.start)) continue;
    seen.add(r.range.start);
    const a = analyzeTls(r);
    if (!isCatchAll(r, a) || excludesTls(r)) continue;
    // A catch-all guarded by a flowbit set on the first segment is left alone (strict order).
    if (ctx.options.ruleOrder === 'strict' && isnotsetFlowbits(r).some((n) => bits.has(n))) continue;
    all.push({ start: r.range.start, sid: sidOf(r), what: `${r.header.action!.name} ${r.header.protocol!.name}` });
  }
  all.sort((x, y) => x.start - y.start);
  return all;
}

function fallThrough(rule: RuleStatement, ctx: RuleContext): FallThrough | undefined {
  const all = ctx.run.memo(fallThroughs, () => fallThroughs(ctx));
  return all.find((c) => ctx.options.ruleOrder !== 'strict' || c.start > rule.range.start);
}

/** What Suricata does to the first segment when this rule matches it (replayed: test/replay). */
function firstSegmentEffect(a: TlsRuleAnalysis): string {
  if (a.action.startsWith('reject')) return 'reject resets the connection, so every post-quantum client is cut off';
  if (a.action === 'drop') return 'drop drops that segment and the client has to retransmit it (replayed on Suricata 7.0.10 the retransmission gets through only if another rule passes the completed ClientHello; users behind AWS Network Firewall report hangs)';
  if (a.action === 'pass') return 'pass passes that one packet before the SNI is known (Suricata inspects the next packet again)';
  return 'the flowbit is set before the SNI is known';
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
  checkRule(rule, ctx, facts) {
    // Passively (IDS) nothing is blocked, and a gated rule never fires (replayed): the gate is harmful there.
    if (!ctx.options.inline) return;
    const a = facts.tls;
    if (!applies(a)) return;
    if (gatedByFlowbit(rule, ctx)) return;
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
      a.blocking || a.action === 'pass'
        ? `this ${a.action} rule can match the first TCP segment of a split ClientHello, before the ClientHello is complete`
        : `this rule sets flowbit '${flowbit}' on the first TCP segment of a split ClientHello, and a blocking rule tests it`;
    const why = 'clients with post-quantum key shares (Go 1.23+, Chrome 131+, OpenSSL 3.5) split the ClientHello across segments';
    const action = rule.header.action!;
    const fall = a.blocking && !blocker ? fallThrough(rule, ctx) : undefined;
    const moved = fall
      ? `; once it waits, the first segment falls to the catch-all ${fall.sid ? `sid:${fall.sid}` : ''} (${fall.what}) instead: tls-catch-all-after-sni-pass reports that rule, and --fix keeps TLS flows off it in the same run`
      : '';
    const packet = a.packetKeywords[0];
    ctx.report({
      range: { start: action.range.start, end: rule.header.protocol?.range.end ?? action.range.end },
      severity,
      message: `${what}: ${firstSegmentEffect(a)}; ${why}${moved}`,
      hint: packet
        ? `Suricata refuses ssl_state (or any TLS buffer) beside the packet keyword '${packet.keyword.text}' ("Signature combines packet specific matches ... with stream / state matching"). Remove '${packet.keyword.text}' and add ssl_state:client_hello; or, if the packet condition is the point, write it as a tcp rule with app-layer-protocol:!tls so it leaves TLS flows to rules that wait for the ClientHello`
        : blocker
          ? `add a ClientHello condition by hand; ssl_state:client_hello cannot be added because ${blocker}`
          : 'add ssl_state:client_hello; so the rule waits for the complete ClientHello',
      fix: blocker ? undefined : clientHelloFix(rule, a),
    });
  },
});
