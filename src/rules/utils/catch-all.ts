import type { AppLayerProtocolValue, FlowbitsValue, FlowValue } from '../../syntax/option-values.js';
import type { RuleStatement } from '../../syntax/tree.js';
import type { TlsRuleAnalysis } from './tls-analysis.js';

/**
 * Catch-all rules: a tcp/ip drop or reject that takes whatever earlier rules did not decide. On the
 * first segment of a split ClientHello no SNI pass rule can match yet, so a catch-all that can match that
 * segment decides it (replayed: test/replay/catch-all.test.ts).
 */

export const TRANSPORT: ReadonlySet<string> = new Set(['tcp', 'ip', 'tcp-pkt', 'tcp-stream', 'ipv4', 'ipv6', 'ip4', 'ip6']);

/** The rule cannot match TLS flows: it names another app-layer protocol, excludes tls, or excludes TCP. */
export function excludesTls(rule: RuleStatement): 'app-layer-protocol' | 'other-protocol' | undefined {
  for (const o of rule.options) {
    if (o.parsed?.kind === 'app-layer-protocol') {
      const v = o.parsed as AppLayerProtocolValue;
      if (v.negated && (v.protocol === 'tls' || v.protocol === 'ssl')) return 'app-layer-protocol';
      if (!v.negated && v.protocol !== 'tls' && v.protocol !== 'ssl') return 'other-protocol';
    }
    if (o.name === 'ip_proto' && o.value) {
      const v = o.value.text.trim().toLowerCase();
      if (v === '!tcp' || v === '!6' || (!v.startsWith('!') && v !== 'tcp' && v !== '6')) return 'other-protocol';
    }
  }
  return undefined;
}

/**
 * A block aimed at specific destinations (literal CIDRs, an IP set) or a port other than 443 is a
 * targeted block, not a catch-all: exempting TLS from it would let TLS through what it must stop.
 */
export function isTargeted(rule: RuleStatement): boolean {
  const dst = rule.header.destination;
  const src = rule.header.source;
  const port = rule.header.destinationPort;
  if (dst && !dst.negated && (dst.kind === 'group' || dst.valueKind === 'literal' || dst.valueKind === 'ipset')) return true;
  if (src && !src.negated && src.kind === 'value' && (src.valueKind === 'literal' || src.valueKind === 'ipset')) return true;
  if (port && port.kind === 'value' && !port.negated && port.valueKind === 'literal' && port.value.text !== '443') return true;
  return false;
}

/** `flow:` says established (or not_established). */
export function flowEstablishment(rule: RuleStatement): 'established' | 'not_established' | undefined {
  for (const o of rule.options) {
    if (o.parsed?.kind !== 'flow') continue;
    for (const it of (o.parsed as FlowValue).items) {
      const n = it.name.toLowerCase();
      if (n === 'established') return 'established';
      if (n === 'not_established') return 'not_established';
    }
  }
  return undefined;
}

/** A tcp/ip drop/reject that can match the client's packets of a TLS flow (see the module comment). */
export function isCatchAll(rule: RuleStatement, a: TlsRuleAnalysis): boolean {
  if (a.isTlsRule || !a.blocking || !TRANSPORT.has(rule.header.protocol?.name ?? '')) return false;
  if (a.notEstablished || a.direction === 'to_client' || excludesTls(rule) === 'other-protocol' || isTargeted(rule)) return false;
  // Rules with content or other payload conditions are not catch-alls: they target something.
  return !rule.options.some((o) => o.name === 'content' || o.name === 'pcre' || o.name === 'dsize');
}

/** Flowbit names the rule tests with `isnotset`. */
export function isnotsetFlowbits(rule: RuleStatement): string[] {
  const out: string[] = [];
  for (const o of rule.options) {
    if (o.parsed?.kind === 'flowbits' && (o.parsed as FlowbitsValue).command === 'isnotset') for (const n of (o.parsed as FlowbitsValue).names) out.push(n.name);
  }
  return out;
}

/** Flowbit names the rule sets (set or toggle). */
export function setFlowbits(rule: RuleStatement): string[] {
  const out: string[] = [];
  for (const o of rule.options) {
    if (o.parsed?.kind !== 'flowbits') continue;
    const v = o.parsed as FlowbitsValue;
    if (v.command === 'set' || v.command === 'toggle') for (const n of v.names) out.push(n.name);
  }
  return out;
}

/** Flowbit names the rule requires with `isset`. */
export function issetFlowbits(rule: RuleStatement): string[] {
  const out: string[] = [];
  for (const o of rule.options) {
    if (o.parsed?.kind === 'flowbits' && (o.parsed as FlowbitsValue).command === 'isset') for (const n of (o.parsed as FlowbitsValue).names) out.push(n.name);
  }
  return out;
}

/** The sid of a rule as written, if any. */
export function sidOf(rule: RuleStatement): string | undefined {
  return rule.options.find((o) => o.name === 'sid')?.value?.text.trim();
}

/**
 * A TLS "default deny": a drop/reject TLS rule with no condition beyond the ClientHello gate (`ssl_state`,
 * `flow`, flowbits, meta keywords, AWS's `ja4.hash; content:"_"` idiom). It decides every TLS flow that
 * the pass rules above it did not, at the complete ClientHello once gated.
 */
export function isTlsDefaultDeny(rule: RuleStatement, a: TlsRuleAnalysis): boolean {
  if (!a.isTlsRule || !a.blocking || a.direction === 'to_client' || a.serverSide.length > 0 || a.recordVersion.length > 0 || a.packetKeywords.length > 0) return false;
  if (isTargeted(rule)) return false;
  const port = rule.header.destinationPort;
  if (port?.negated) return false;
  for (const o of rule.options) {
    if (!DEFAULT_DENY_KEYWORDS.has(o.name)) return false;
    if (o.name === 'content' && o.value?.text.trim() !== '"_"') return false;
  }
  return issetFlowbits(rule).length === 0;
}

/** Keywords a TLS default deny may carry: the gate, flow, flowbits, meta keywords and AWS's `ja4.hash; content:"_"`. */
const DEFAULT_DENY_KEYWORDS: ReadonlySet<string> = new Set(['ssl_state', 'flow', 'flowbits', 'msg', 'sid', 'rev', 'gid', 'metadata', 'classtype', 'priority', 'reference', 'noalert', 'ja4.hash', 'ja4_hash', 'content']);
