import { ipHas, parseAddress } from '../semantics/ip-set.js';
import { matchBuffer } from '../semantics/buffer-match.js';
import { canonicalProtocol, isAppProtocol } from '../semantics/protocol-cover.js';
import { KNOWN_BUFFERS, type RuleModel } from '../semantics/rule-model.js';
import type { FieldSet } from '../semantics/header-sets.js';
import { packetsOf, type Connection, type SimPacket } from './connection.js';

/**
 * A static simulator of AWS Network Firewall's stateful engine for one connection: the rules in
 * evaluation order (strict: rule groups by priority, then file order; action order: pass, drop, reject,
 * alert), the first pass/drop/reject that matches a packet decides it, then the policy's stateful
 * default actions (strict order only). Sources: AWS "Evaluation order for stateful rules"
 * (suricata-rule-evaluation-order.html) and "Stateful default actions"; DOMAIN.md 1.3 and 3.5-3.6.
 * Keywords it cannot evaluate make the result `undetermined`, with the reason, never a guess. Pure.
 */

/** One rule of the simulated rule set, with where it comes from. */
export interface SimRule {
  readonly model: RuleModel;
  /** File (or rule group) it comes from, and its 1-based line there. */
  readonly path: string;
  readonly line: number;
}

export interface SimOptions {
  readonly ruleOrder: 'strict' | 'action';
  /** Policy stateful default actions (`aws:drop_established_app_layer_to_server`, ...); strict order only. */
  readonly defaultActions?: readonly string[];
}

export interface TraceEntry {
  readonly packet: string;
  readonly step: string;
  /** What happened: the rule that decided or alerted, or the default action. */
  readonly action: string;
  readonly rule?: SimRule;
  readonly note?: string;
}

export interface SimResult {
  readonly verdict: 'pass' | 'drop' | 'reject' | 'undetermined';
  /** The packet at which the verdict was reached (or the test became undetermined). */
  readonly packet?: string;
  /** The rule that decided, if a rule did. */
  readonly rule?: SimRule;
  /** Why, in one sentence. */
  readonly reason: string;
  readonly trace: readonly TraceEntry[];
}

type Match = true | false | { undetermined: string };

const TERMINAL = new Set(['pass', 'drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth']);
const ACTION_RANK: Readonly<Record<string, number>> = { pass: 0, drop: 1, reject: 2, rejectsrc: 2, rejectdst: 2, rejectboth: 2, alert: 3 };

function inField(field: FieldSet, address: string | number, kind: 'ip' | 'port'): Match {
  if (field.text === 'any') return true;
  if (!field.set) return { undetermined: `'${field.text}' has no definition (give it under variables)` };
  const n = kind === 'ip' ? parseAddress(String(address)) : BigInt(address);
  if (n === undefined) return { undetermined: `'${address}' is not an IP address` };
  return ipHas(field.set, n);
}

function all(parts: Match[]): Match {
  let undetermined: Match | undefined;
  for (const p of parts) {
    if (p === false) return false;
    if (p !== true) undetermined ??= p;
  }
  return undetermined ?? true;
}

function headerMatch(m: RuleModel, c: Connection, p: SimPacket): Match {
  const [src, sport, dst, dport] = p.toServer ? [c.source, c.sourcePort, c.destination, c.destinationPort] : [c.destination, c.destinationPort, c.source, c.sourcePort];
  const forward = all([inField(m.source, src, 'ip'), inField(m.sourcePort, sport, 'port'), inField(m.destination, dst, 'ip'), inField(m.destinationPort, dport, 'port')]);
  if (forward === true || !m.bidirectional) return forward;
  const back = all([inField(m.source, dst, 'ip'), inField(m.sourcePort, dport, 'port'), inField(m.destination, src, 'ip'), inField(m.destinationPort, sport, 'port')]);
  return back === true ? true : forward === false ? back : forward;
}

function protocolMatch(protocol: string, p: SimPacket): boolean {
  const proto = canonicalProtocol(protocol);
  if (proto === 'ip') return true;
  if (proto === 'tcp' || proto === 'udp') return p.transport === proto;
  if (proto === 'icmp' || proto === 'icmpv4' || proto === 'icmpv6') return p.transport === 'icmp';
  if (isAppProtocol(proto)) return p.appProto === proto || (proto === 'http' && p.appProto === 'http2');
  return false;
}

const IP_PROTO_NUMBERS: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', tcp: 'tcp', udp: 'udp', icmp: 'icmp' };

function matchRule(m: RuleModel, c: Connection, p: SimPacket, flowbits: ReadonlySet<string>): Match {
  if (!protocolMatch(m.protocol, p)) return false;
  const f = m.flow;
  if ((f.toServer && !p.toServer) || (f.toClient && p.toServer)) return false;
  if ((f.established && !p.established) || (f.notEstablished && p.established)) return false;
  for (const ip of m.ipProtos) if ((IP_PROTO_NUMBERS[ip.value] === p.transport) === ip.negated) return false;
  for (const a of m.appLayerProtocols) {
    // Before a packet with data the flow's app protocol is unknown: app-layer-protocol matches nothing.
    const detected = p.appProto ?? (p.hasData ? 'failed' : undefined);
    if (detected === undefined) return false;
    if ((detected === a.protocol) === a.negated) return false;
  }
  for (const s of m.sslStates) {
    // Suricata: ((listed & current) ^ negated) != 0, current being one state (or none yet).
    const current = p.sslState;
    const hit = current !== undefined && (s.positives.includes(current) || s.negatives.includes(current)) ? [current] : [];
    const same = hit.length === s.negatives.length && hit.every((h) => s.negatives.includes(h));
    if (same) return false;
  }
  for (const fb of m.flowbits) {
    if (fb.command !== 'isset' && fb.command !== 'isnotset') continue;
    const wanted = fb.names.map((n) => flowbits.has(n.name) === (fb.command === 'isset'));
    if (!(fb.joiner === 'all' ? wanted.every(Boolean) : wanted.some(Boolean))) return false;
  }
  const parts: Match[] = [headerMatch(m, c, p)];
  for (const b of m.buffers) {
    if (!KNOWN_BUFFERS.has(b.buffer)) continue;
    parts.push(matchBuffer(b, p.buffers[b.buffer]));
  }
  const result = all(parts);
  if (result !== true) return result;
  if (m.unevaluated.length > 0) return { undetermined: `it uses ${m.unevaluated.map((u) => `'${u}'`).join(', ')}, which the simulator does not evaluate` };
  return true;
}

/** Rules in evaluation order. */
export function evaluationOrder(rules: readonly SimRule[], ruleOrder: 'strict' | 'action'): SimRule[] {
  if (ruleOrder === 'strict') return [...rules];
  return rules.map((r, i) => ({ r, i })).sort((a, b) => (ACTION_RANK[a.r.model.action] ?? 4) - (ACTION_RANK[b.r.model.action] ?? 4) || a.i - b.i).map((x) => x.r);
}

/** A pass on an app-layer rule passes the whole flow; on a packet-level rule only that packet. */
function passesFlow(m: RuleModel): boolean {
  return isAppProtocol(m.protocol) || m.buffers.length > 0 || m.tls.isTlsRule || m.appLayerProtocols.some((a) => !a.negated);
}

function label(r: SimRule): string {
  return `${r.model.sid !== undefined ? `sid:${r.model.sid}` : 'rule'} (${r.path}:${r.line})`;
}

/** What a default action does to a packet no rule decided: drop, alert, or nothing. */
function defaultEffect(action: string, p: SimPacket, appDecided: boolean): 'drop' | 'alert' | undefined {
  const a = action.toLowerCase();
  const kind = a.startsWith('aws:drop') ? 'drop' : a.startsWith('aws:alert') ? 'alert' : undefined;
  if (!kind) return undefined;
  let applies: boolean;
  if (a.endsWith('_strict')) applies = true;
  else if (a.endsWith('_established')) applies = p.established;
  else if (a.endsWith('_established_app_layer')) applies = p.established && (p.appDecision || appDecided);
  else if (a.endsWith('_established_app_layer_to_server')) applies = p.toServer && p.established && (p.appDecision || appDecided);
  else applies = false;
  return applies ? kind : undefined;
}

/** Simulates one connection through a rule set. */
export function simulate(rules: readonly SimRule[], connection: Connection, options: SimOptions): SimResult {
  const ordered = evaluationOrder(rules, options.ruleOrder);
  const defaults = options.ruleOrder === 'strict' ? (options.defaultActions ?? []) : [];
  const flowbits = new Set<string>();
  const trace: TraceEntry[] = [];
  let appDecided = false;
  for (const p of packetsOf(connection)) {
    let decided = false;
    for (const r of ordered) {
      const m = r.model;
      const hit = matchRule(m, connection, p, flowbits);
      if (hit === false) continue;
      const sideEffects = m.flowbits.some((f) => f.command === 'set' || f.command === 'unset' || f.command === 'toggle');
      if (hit !== true) {
        if (!TERMINAL.has(m.action) && !sideEffects) continue;
        const reason = `${label(r)} might match the ${p.label}, but ${hit.undetermined}`;
        trace.push({ packet: p.label, step: p.step, action: 'undetermined', rule: r, note: hit.undetermined });
        return { verdict: 'undetermined', packet: p.label, rule: r, reason, trace };
      }
      for (const f of m.flowbits) {
        for (const n of f.names) {
          if (f.command === 'set') flowbits.add(n.name);
          else if (f.command === 'unset') flowbits.delete(n.name);
          else if (f.command === 'toggle') flowbits[flowbits.has(n.name) ? 'delete' : 'add'](n.name);
        }
      }
      if (!TERMINAL.has(m.action)) {
        trace.push({ packet: p.label, step: p.step, action: m.noalert ? 'match (noalert)' : 'alert', rule: r });
        continue;
      }
      trace.push({ packet: p.label, step: p.step, action: m.action, rule: r });
      if (m.action === 'pass') {
        if (passesFlow(m)) return { verdict: 'pass', packet: p.label, rule: r, reason: `${label(r)} passes the flow at the ${p.label}`, trace };
        decided = true;
        break;
      }
      const verdict = m.action === 'drop' ? 'drop' : 'reject';
      return { verdict, packet: p.label, rule: r, reason: `${label(r)} ${verdict === 'drop' ? 'drops' : 'rejects'} the ${p.label}`, trace };
    }
    if (p.appDecision) appDecided = true;
    if (decided) continue;
    for (const d of defaults) {
      const effect = defaultEffect(d, p, appDecided);
      if (!effect) continue;
      trace.push({ packet: p.label, step: p.step, action: effect === 'drop' ? `default ${d}` : `default alert ${d}` });
      if (effect === 'drop') return { verdict: 'drop', packet: p.label, reason: `no rule decided the ${p.label}: the policy default action ${d} drops it`, trace };
    }
  }
  return { verdict: 'pass', reason: 'no rule blocked any packet of the connection (no rule decided it, and no default action dropped it)', trace };
}
