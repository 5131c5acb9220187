import { BLOCKING_ACTIONS } from '../catalog/actions.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { ipIntersect, ipOverlaps, ipSetText, portSetText, type IpSet } from '../semantics/ip-set.js';
import { canonicalProtocol } from '../semantics/protocol-cover.js';
import { ruleLabel, ruleModel, type RuleModel } from '../semantics/rule-model.js';
import { headerCovers, rulesOverlap } from '../semantics/rule-relations.js';

/** Header protocols that see a TLS flow's packets before (and without) its app-layer verdict. */
const TRANSPORT: ReadonlySet<string> = new Set(['tcp', 'ip']);

interface Seen {
  readonly model: RuleModel;
  readonly line: number;
  readonly index: number;
}

/** The block cannot take a TLS flow: it excludes tls or TCP, names another app-layer protocol, or waits on a flowbit guard. */
function sparesTls(m: RuleModel): boolean {
  if (m.appLayerProtocols.some((a) => (a.negated ? a.protocol === 'tls' : a.protocol !== 'tls'))) return true;
  if (m.ipProtos.some((p) => (p.negated ? p.value === 'tcp' || p.value === '6' : p.value !== 'tcp' && p.value !== '6'))) return true;
  return m.flowbits.some((f) => f.command === 'isnotset' || f.command === 'isset');
}

/** A block that fires on the handshake or the first ClientHello segment: unconditional apart from flow items. */
function earlyBlock(m: RuleModel): boolean {
  if (!BLOCKING_ACTIONS.has(m.action) || !TRANSPORT.has(canonicalProtocol(m.protocol))) return false;
  if (m.flow.toClient || m.buffers.length > 0 || m.unevaluated.length > 0 || m.sslStates.length > 0) return false;
  return !sparesTls(m);
}

/** A wide block placed after the pass: tls-catch-all-after-sni-pass reports those. */
function untargeted(m: RuleModel): boolean {
  const wide = (t: string) => t === 'any' || t.startsWith('$');
  return wide(m.destination.text) && wide(m.source.text) && (m.destinationPort.text === 'any' || m.destinationPort.text === '443');
}

const HTTPS: IpSet = [{ lo: 443n, hi: 443n }];

/**
 * The destination ports both rules share, when they matter for TLS: 443 (where TLS allow lists live)
 * or any port the pass rule names explicitly. Undefined: only other ports overlap (a TLS flow to
 * port 22 is not what either rule is about).
 */
function sharedTlsPorts(block: RuleModel, pass: RuleModel): IpSet | undefined {
  const b = block.destinationPort.set;
  const p = pass.destinationPort.set;
  if (!b || !p) return block.destinationPort.text === pass.destinationPort.text ? (p ?? HTTPS) : undefined;
  const both = ipIntersect(b, p);
  if (both.length === 0) return undefined;
  if (pass.destinationPort.text !== 'any') return both;
  return ipOverlaps(both, HTTPS) ? HTTPS : undefined;
}

function overlapText(block: RuleModel, pass: RuleModel, ports: IpSet): string {
  let to = block.destination.text === 'any' ? pass.destination.text : block.destination.text;
  if (block.destination.set && pass.destination.set) {
    const both = ipIntersect(block.destination.set, pass.destination.set);
    if (both.length) to = ipSetText(both);
  }
  return `connections to ${to} port ${portSetText(ports)}`;
}

export default defineLintRule({
  meta: {
    id: 'sni-pass-shadowed',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'A tcp/ip drop or reject overlaps part of the traffic of a TLS pass rule keyed on the SNI: for that part it decides at the handshake or the first ClientHello segment, before the pass can match.',
      rationale:
        'A TLS pass rule on tls.sni (or ja3/ja4) can only match once the complete ClientHello has arrived. A tcp or ip drop without other conditions matches the TCP handshake or the first segment of the ClientHello of the same connection, which comes earlier, whatever the file order. When its destination (or port) covers only part of the pass rule\'s, the allow list silently does not apply to that part: for example a `drop ip ... -> 172.20.0.0/16 any` beside `pass tls ... -> any 443 (tls.sni; ...)` drops every TLS connection to 172.20.0.0/16, allowed SNI or not. A full cover after the pass is reported by tls-catch-all-after-sni-pass.',
      badExample:
        'pass tls $HOME_NET any -> any 443 (ssl_state:client_hello; tls.sni; content:"github.com"; startswith; endswith; flow:to_server; sid:1;)\ndrop ip $HOME_NET any -> 172.20.0.0/16 any (msg:"internal range"; sid:2;)',
      goodExample:
        'pass tls $HOME_NET any -> any 443 (ssl_state:client_hello; tls.sni; content:"github.com"; startswith; endswith; flow:to_server; sid:1;)\ndrop ip $HOME_NET any -> 172.20.0.0/16 any (msg:"internal range"; app-layer-protocol:!tls; sid:2;)',
    },
  },
  checkFile(ctx) {
    if (ctx.options.ruleOrder !== 'strict') return {};
    const passes: Seen[] = [];
    const blocks: Seen[] = [];
    let index = 0;
    /** Blocks already reported (one report per block, naming the first pass it shadows). */
    const reported = new Set<number>();
    const check = (block: Seen, pass: Seen): boolean => {
      if (reported.has(block.index)) return false;
      if (rulesOverlap(block.model, pass.model) !== true) return false;
      const ports = sharedTlsPorts(block.model, pass.model);
      if (!ports) return false;
      const full = headerCovers(block.model, pass.model);
      // A wide block after the pass is tls-catch-all-after-sni-pass's; a full cover before it is rule-unreachable's.
      if (block.index > pass.index && untargeted(block.model)) return false;
      if (block.index < pass.index && full) return false;
      const b = block.model;
      reported.add(block.index);
      ctx.report({
        range: b.headRange,
        message: `this ${b.action} ${b.protocol} rule decides ${overlapText(b, pass.model, ports)} at the handshake or the first ClientHello segment, before the TLS pass rule ${ruleLabel(pass.model, pass.line)} (line ${pass.line}) can read the SNI: for ${full ? 'all' : 'that part'} of its traffic the allow list never applies`,
        hint: 'exempt TLS from this block (app-layer-protocol:!tls;) if the SNI pass should win, or narrow the pass rule\'s destination if the block is meant',
      });
      return true;
    };
    return {
      rule(rule, facts) {
        const i = index++;
        const a = facts.tls;
        const isPass = a.isTlsRule && a.action === 'pass' && a.clientHelloBuffers.length > 0;
        const maybeBlock = a.blocking && !a.isTlsRule && TRANSPORT.has(canonicalProtocol(rule.header.protocol?.name ?? ''));
        if (!isPass && !maybeBlock) return;
        if (rule.errors.length > 0) return;
        const seen: Seen = { model: ruleModel(rule, ctx.text, undefined, facts), line: ctx.lineOf(rule.ruleRange.start), index: i };
        if (isPass) {
          for (const b of blocks) check(b, seen);
          passes.push(seen);
        } else if (earlyBlock(seen.model)) {
          for (const p of passes) if (check(seen, p)) break;
          blocks.push(seen);
        }
      },
    };
  },
});
