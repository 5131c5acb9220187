import { ipContains, ipOverlaps } from './ip-set.js';
import type { FieldSet } from './header-sets.js';
import { isAppProtocol, protocolCovers, protocolsOverlap } from './protocol-cover.js';
import type { RuleModel } from './rule-model.js';

/**
 * Relations between two rules' headers and conditions, for reachability ("does an earlier rule decide
 * every packet this rule could match?") and overlap ("can both see one connection?"). Answers are
 * conservative: an address given by an undefined variable covers only the same text or is covered by
 * `any`; overlap with it is unknown (undefined), never assumed.
 */

/** Every address (port) of `inner` is in `outer`. */
export function fieldCovers(outer: FieldSet, inner: FieldSet): boolean {
  if (outer.text === 'any' || outer.text === inner.text) return true;
  if (outer.set && inner.set) return ipContains(outer.set, inner.set);
  return false;
}

/** Some address (port) is in both; undefined when an undefined variable makes it unknowable. */
export function fieldOverlaps(a: FieldSet, b: FieldSet): boolean | undefined {
  if (a.set && b.set) return ipOverlaps(a.set, b.set);
  if (a.text === 'any' || b.text === 'any' || a.text === b.text) return true;
  return undefined;
}

type Header = Pick<RuleModel, 'source' | 'sourcePort' | 'destination' | 'destinationPort' | 'bidirectional'>;

function sideCovers(outer: Header, inner: Header, swap: boolean): boolean {
  const src = swap ? inner.destination : inner.source;
  const sport = swap ? inner.destinationPort : inner.sourcePort;
  const dst = swap ? inner.source : inner.destination;
  const dport = swap ? inner.sourcePort : inner.destinationPort;
  return fieldCovers(outer.source, src) && fieldCovers(outer.sourcePort, sport) && fieldCovers(outer.destination, dst) && fieldCovers(outer.destinationPort, dport);
}

/** The addresses and ports of `outer` include those of `inner` (both directions for `<>`). */
export function headerCovers(outer: Header, inner: Header): boolean {
  if (inner.bidirectional) {
    // `<>` on inner: outer must cover both orientations.
    if (outer.bidirectional) return sideCovers(outer, inner, false) || sideCovers(outer, inner, true);
    return false;
  }
  return sideCovers(outer, inner, false) || (outer.bidirectional && sideCovers(outer, inner, true));
}

/** The headers of `a` and `b` can describe the same packet (true), cannot (false), or it is unknown. */
export function headerOverlaps(a: Header, b: Header): boolean | undefined {
  const parts = [fieldOverlaps(a.source, b.source), fieldOverlaps(a.sourcePort, b.sourcePort), fieldOverlaps(a.destination, b.destination), fieldOverlaps(a.destinationPort, b.destinationPort)];
  if (parts.includes(false)) return false;
  return parts.includes(undefined) ? undefined : true;
}

/** The rule only ever sees established flows (an app-layer rule has no app data before that). */
function impliesEstablished(m: RuleModel): boolean {
  return m.flow.established || isAppProtocol(m.protocol) || m.tls.isTlsRule || m.buffers.length > 0 || m.appLayerProtocols.some((a) => !a.negated);
}

/** The rule only sees client-to-server packets (`flow:to_server`, or buffers that exist only that way). */
function impliesToServer(m: RuleModel): boolean {
  return m.flow.toServer || m.buffers.some((b) => b.buffer === 'tls.sni' || b.buffer === 'http.host' || b.buffer === 'ja4.hash' || b.buffer === 'quic.sni');
}

/** Options (besides flow) a rule may have and still be a "plain" decider whose conditions are easy to compare. */
function simpleConditions(m: RuleModel): boolean {
  return m.buffers.length === 0 && m.unevaluated.length === 0;
}

/**
 * `earlier` matches every packet `later` matches: its protocol, addresses and ports cover `later`'s,
 * its flow items are implied by `later`'s, and its other conditions are either identical to `later`'s
 * or each also present in `later` (flowbit checks, `ssl_state`, `app-layer-protocol`, `ip_proto`).
 */
export function ruleCovers(earlier: RuleModel, later: RuleModel): boolean {
  if (!protocolCovers(earlier.protocol, later.protocol)) return false;
  if (!headerCovers(earlier, later)) return false;
  const f = earlier.flow;
  if (f.toServer && !impliesToServer(later)) return false;
  if (f.toClient && !later.flow.toClient) return false;
  if (f.established && !impliesEstablished(later)) return false;
  if (f.notEstablished && !later.flow.notEstablished) return false;
  if (f.other.some((o) => !later.flow.other.includes(o))) return false;
  if (earlier.conditionKey === later.conditionKey) return true;
  if (!simpleConditions(earlier)) return false;
  const laterConditions = new Set(later.conditionKey.split(';'));
  for (const c of earlier.conditionKey.split(';')) {
    if (!c || c.startsWith('flow:')) continue;
    if (laterConditions.has(c)) continue;
    // ssl_state:client_hello holds whenever a ClientHello buffer (tls.sni, ja3, ja4) is being inspected.
    if (/^ssl_state:\s*client_hello$/.test(c) && later.tls.clientHelloBuffers > 0) continue;
    return false;
  }
  return true;
}

/** Both rules can see some packet of one connection (protocols and headers overlap). */
export function rulesOverlap(a: RuleModel, b: RuleModel): boolean | undefined {
  if (!protocolsOverlap(a.protocol, b.protocol)) return false;
  const direct = headerOverlaps(a, b);
  if (direct === true || (!a.bidirectional && !b.bidirectional)) return direct;
  const swapped = headerOverlaps(a, { ...b, source: b.destination, destination: b.source, sourcePort: b.destinationPort, destinationPort: b.sourcePort });
  if (direct === false) return swapped;
  return swapped === true ? true : undefined;
}

/** `a` header-covers `b` (addresses and ports only), for "full" versus "partial" overlap. */
export function headerFullyCovers(outer: RuleModel, inner: RuleModel): boolean {
  return headerCovers(outer, inner);
}
