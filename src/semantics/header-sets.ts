import type { ListExpr } from '../syntax/tree.js';
import { IP_ANY, IP_NONE, ipComplement, ipSubtract, ipUnion, parseCidr, PORT_ANY, PORT_MAX, type IpSet } from './ip-set.js';

/**
 * Variable and IP set definitions, as AWS and Suricata give them: `HOME_NET` -> `["10.0.0.0/8"]`,
 * `HTTP_PORTS` -> `["80", "8080"]`. Names without `$`/`@`. Entries may be CIDRs, ports, ranges
 * (`1024:`), negations (`!80`), groups (`[a, b]`) and other variables (`$HOME_NET`).
 */
export interface Definitions {
  readonly ipSets: ReadonlyMap<string, readonly string[]>;
  readonly portSets: ReadonlyMap<string, readonly string[]>;
}

export const NO_DEFINITIONS: Definitions = { ipSets: new Map(), portSets: new Map() };

/**
 * A header address or port field: the concrete set when every name in it is defined, and always a
 * normalized text, so two fields with the same undefined variable still compare equal.
 */
export interface FieldSet {
  /** Undefined when the field uses a variable or IP set without a definition. */
  readonly set?: IpSet;
  /** Whitespace-free, lower-cased text of the field (`$home_net`, `[10.0.0.0/8,!10.1.0.0/16]`). */
  readonly text: string;
}

type Kind = 'ip' | 'port';

function literal(kind: Kind, text: string): IpSet | undefined {
  if (kind === 'ip') return parseCidr(text);
  const range = /^(\d+)?(:)?(\d+)?$/.exec(text.trim());
  if (!range || (!range[1] && !range[3])) return undefined;
  const lo = range[1] ? Number(range[1]) : 0;
  const hi = range[2] ? (range[3] ? Number(range[3]) : 65535) : lo;
  if (lo > 65535 || hi > 65535 || lo > hi) return undefined;
  return [{ lo: BigInt(lo), hi: BigInt(hi) }];
}

const anyOf = (kind: Kind): IpSet => (kind === 'ip' ? IP_ANY : PORT_ANY);
const complement = (kind: Kind, s: IpSet): IpSet => (kind === 'ip' ? ipComplement(s) : ipComplement(s, PORT_MAX));

/** Splits a definition/list text at top-level commas (brackets nest). */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Resolves a textual list (`[10.0.0.0/8, !$DMZ]`, `!80`, `$HOME_NET`, `any`) to a set. Undefined when a
 * name is not defined or a value does not parse. `seen` stops definition cycles.
 */
export function resolveText(kind: Kind, text: string, defs: Definitions, seen: ReadonlySet<string> = new Set()): IpSet | undefined {
  let t = text.trim();
  let negated = false;
  while (t.startsWith('!')) {
    negated = !negated;
    t = t.slice(1).trim();
  }
  let set: IpSet | undefined;
  if (t.startsWith('[') && t.endsWith(']')) set = resolveItems(kind, splitTop(t.slice(1, -1)), defs, seen);
  else if (t.includes(',')) set = resolveItems(kind, splitTop(t), defs, seen);
  else if (t.toLowerCase() === 'any') set = anyOf(kind);
  else if (t.startsWith('$') || t.startsWith('@')) {
    const name = t.slice(1);
    const table = kind === 'ip' ? defs.ipSets : defs.portSets;
    const def = table.get(name) ?? table.get(name.toUpperCase());
    if (!def || seen.has(name)) return undefined;
    set = resolveItems(kind, def.flatMap((d) => splitTop(d.startsWith('[') && d.endsWith(']') ? d.slice(1, -1) : d)), defs, new Set([...seen, name]));
  } else set = literal(kind, t);
  if (!set) return undefined;
  return negated ? complement(kind, set) : set;
}

/** Suricata's group semantics: the union of the positive items minus the negated ones (all negated: any minus them). */
function resolveItems(kind: Kind, items: readonly string[], defs: Definitions, seen: ReadonlySet<string>): IpSet | undefined {
  let plus: IpSet = IP_NONE;
  let minus: IpSet = IP_NONE;
  let anyPositive = false;
  for (const item of items) {
    const neg = item.startsWith('!');
    const s = resolveText(kind, neg ? item.slice(1) : item, defs, seen);
    if (!s) return undefined;
    if (neg) minus = ipUnion(minus, s);
    else {
      plus = ipUnion(plus, s);
      anyPositive = true;
    }
  }
  return ipSubtract(anyPositive ? plus : anyOf(kind), minus);
}

function exprText(expr: ListExpr, source: string): string {
  return source.slice(expr.range.start, expr.range.end).replace(/\s+/g, '').toLowerCase();
}

/** A header address field as a set (and its normalized text). An absent field counts as `any`. */
export function addressField(expr: ListExpr | undefined, source: string, defs: Definitions): FieldSet {
  if (!expr) return { set: IP_ANY, text: 'any' };
  const raw = source.slice(expr.range.start, expr.range.end);
  return { set: resolveText('ip', raw, defs), text: exprText(expr, source) };
}

/** A header port field as a set over 0..65535 (and its normalized text). */
export function portField(expr: ListExpr | undefined, source: string, defs: Definitions): FieldSet {
  if (!expr) return { set: PORT_ANY, text: 'any' };
  const raw = source.slice(expr.range.start, expr.range.end);
  return { set: resolveText('port', raw, defs), text: exprText(expr, source) };
}
