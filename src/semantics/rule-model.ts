import { lookupKeyword } from '../catalog/keyword-catalog.js';
import type { TextRange } from '../source/text-range.js';
import type { AppLayerProtocolValue, FlowbitsValue, FlowValue, QuotedStringValue } from '../syntax/option-values.js';
import type { RuleOption, RuleStatement } from '../syntax/tree.js';
import { analyzeTls, type TlsRuleAnalysis } from '../rules/utils/tls-analysis.js';
import { ruleSid, type RuleSid } from '../rules/utils/sid-index.js';
import { analyzeContents, PAYLOAD, type ContentAnalysis } from '../rules/utils/content-analysis.js';
import { bufferMatches, type BufferMatch } from './buffer-match.js';
import { addressField, portField, NO_DEFINITIONS, type Definitions, type FieldSet } from './header-sets.js';

/** `flow:` items a rule requires. */
export interface FlowConstraint {
  readonly toServer: boolean;
  readonly toClient: boolean;
  readonly established: boolean;
  readonly notEstablished: boolean;
  /** `stateless`, `only_stream`, `no_stream`, `only_frag`, `no_frag`: kept by name for the simulator. */
  readonly other: readonly string[];
}

/** One `flowbits:` option. */
export interface FlowbitOp {
  readonly command: 'set' | 'unset' | 'toggle' | 'isset' | 'isnotset' | 'noalert' | string;
  /** Names, with `|` (any of) or `&` (all of) when more than one. */
  readonly names: readonly { name: string; range: TextRange }[];
  readonly joiner: 'any' | 'all';
  readonly option: RuleOption;
}

/**
 * What a rule means, in a compact form kept for a whole rule set: its header as address and port sets,
 * its flow and flowbit conditions, what it requires of named buffers (SNI, HTTP host, DNS query, ...),
 * `ssl_state`, `app-layer-protocol`, `ip_proto`, and the options nothing here evaluates. Built once per
 * rule; holds ranges into the rule's text, never the statement.
 */
export interface RuleModel {
  /** Range of the whole rule text (action to `)`), and of the header up to the protocol (for reports). */
  readonly range: TextRange;
  readonly headRange: TextRange;
  readonly sid?: number;
  readonly gid: number;
  readonly msg?: string;
  readonly action: string;
  readonly protocol: string;
  readonly bidirectional: boolean;
  readonly source: FieldSet;
  readonly sourcePort: FieldSet;
  readonly destination: FieldSet;
  readonly destinationPort: FieldSet;
  readonly flow: FlowConstraint;
  readonly flowbits: readonly FlowbitOp[];
  readonly buffers: readonly BufferMatch[];
  /** `ssl_state` options, each as listed and negated states. */
  readonly sslStates: readonly { positives: readonly string[]; negatives: readonly string[] }[];
  readonly appLayerProtocols: readonly { protocol: string; negated: boolean }[];
  readonly ipProtos: readonly { value: string; negated: boolean }[];
  /** TLS timing (see tls-analysis): the rule inspects TLS, cannot match before a parsed handshake message. */
  readonly tls: { readonly isTlsRule: boolean; readonly gated: boolean; readonly clientHelloBuffers: number; readonly serverSide: number };
  /** Options that are conditions this model does not evaluate (keyword names, in rule order). */
  readonly unevaluated: readonly string[];
  /**
   * The rule's conditions as normalized option texts in rule order, without meta keywords and post-match
   * actions: two rules with the same key test the same thing.
   */
  readonly conditionKey: string;
  /** `noalert` or an alert-suppressing option is present. */
  readonly noalert: boolean;
}

/** Options that never decide whether a rule matches (meta data, output and post-match actions). */
const NOT_CONDITIONS = new Set(['noalert', 'alert', 'threshold', 'tag', 'tls_store', 'tls.store', 'filestore', 'config', 'detection_filter']);
/** Conditions the model evaluates itself (the buffers, through their sticky buffer's contents). */
const MODELLED = new Set(['flow', 'flowbits', 'ssl_state', 'app-layer-protocol', 'ip_proto', 'content', 'pcre', 'bsize', 'nocase', 'startswith', 'endswith', 'offset', 'depth', 'distance', 'within', 'fast_pattern', 'dotprefix', 'to_lowercase']);
/** Sticky buffers whose values the simulator knows for a connection. */
export const KNOWN_BUFFERS: ReadonlySet<string> = new Set(['tls.sni', 'http.host', 'dns.query', 'quic.sni', 'ja4.hash']);

function flowOf(options: readonly RuleOption[]): FlowConstraint {
  let toServer = false;
  let toClient = false;
  let established = false;
  let notEstablished = false;
  const other: string[] = [];
  for (const o of options) {
    if (o.name !== 'flow' || o.parsed?.kind !== 'flow') continue;
    for (const it of (o.parsed as FlowValue).items) {
      const n = it.name.toLowerCase();
      if (n === 'to_server' || n === 'from_client') toServer = true;
      else if (n === 'to_client' || n === 'from_server') toClient = true;
      else if (n === 'established') established = true;
      else if (n === 'not_established') notEstablished = true;
      else if (n) other.push(n);
    }
  }
  return { toServer, toClient, established, notEstablished, other };
}

function flowbitsOf(options: readonly RuleOption[], text: string): FlowbitOp[] {
  const out: FlowbitOp[] = [];
  for (const o of options) {
    if (o.name !== 'flowbits' || o.parsed?.kind !== 'flowbits') continue;
    const v = o.parsed as FlowbitsValue;
    const raw = o.value?.text ?? '';
    out.push({
      command: v.command.toLowerCase(),
      names: v.names.filter((n) => n.name.length > 0).map((n) => ({ name: n.name, range: n.range })),
      joiner: raw.includes('&') ? 'all' : 'any',
      option: o,
    });
  }
  void text;
  return out;
}

function normalizedOption(o: RuleOption): string {
  return `${o.name}:${(o.value?.text ?? '').replace(/\s+/g, ' ').trim()}`;
}

/** Builds the model of one rule. `text` is the text the statement's ranges point into. */
/**
 * What `ruleModel` reads of a rule, when the caller has it already (a lint rule: its RuleFacts); computed
 * from the rule otherwise.
 */
export interface RuleModelFacts {
  readonly tls: TlsRuleAnalysis;
  readonly contents: ContentAnalysis;
  readonly sid: RuleSid | undefined;
}

export function ruleModel(rule: RuleStatement, text: string, defs: Definitions = NO_DEFINITIONS, facts?: RuleModelFacts): RuleModel {
  const options = rule.options;
  const tls = facts ? facts.tls : analyzeTls(rule);
  const unevaluated: string[] = [];
  const conditions: string[] = [];
  const sslStates: RuleModel['sslStates'][number][] = [];
  const appLayerProtocols: { protocol: string; negated: boolean }[] = [];
  const ipProtos: { value: string; negated: boolean }[] = [];
  let msg: string | undefined;
  let noalert = false;
  for (const o of options) {
    const info = lookupKeyword(o.name);
    const name = info?.name ?? o.name;
    if (name === 'msg' && o.parsed?.kind === 'quoted-string') msg = (o.parsed as QuotedStringValue).text;
    if (name === 'noalert') noalert = true;
    if (info?.kind === 'meta' || NOT_CONDITIONS.has(name)) continue;
    if (name === 'flowbits' && o.parsed?.kind === 'flowbits') {
      const c = (o.parsed as FlowbitsValue).command.toLowerCase();
      if (c !== 'isset' && c !== 'isnotset') {
        if (c === 'noalert') noalert = true;
        continue;
      }
    }
    conditions.push(normalizedOption(o));
    if (name === 'ssl_state' && tls.sslStates.length) continue;
    if (name === 'app-layer-protocol' && o.parsed?.kind === 'app-layer-protocol') {
      const v = o.parsed as AppLayerProtocolValue;
      appLayerProtocols.push({ protocol: v.protocol === 'ssl' ? 'tls' : v.protocol, negated: v.negated });
      continue;
    }
    if (name === 'ip_proto') {
      const v = (o.value?.text ?? '').trim();
      ipProtos.push({ value: v.replace(/^!\s*/, '').toLowerCase(), negated: v.startsWith('!') });
      continue;
    }
    if (MODELLED.has(name)) continue;
    if (info?.kind === 'sticky-buffer' && KNOWN_BUFFERS.has(name)) continue;
    unevaluated.push(name);
  }
  for (const s of tls.sslStates) sslStates.push({ positives: s.positives, negatives: s.negatives });
  const contents = facts ? facts.contents : analyzeContents(rule);
  const buffers = bufferMatches(rule, contents);
  // Contents and pcre on the packet payload: the simulator has no payload bytes to run them on.
  if (contents.contents.some((c) => c.buffer === PAYLOAD) || contents.pcres.some((p) => p.buffer === PAYLOAD)) unevaluated.push('payload content');
  for (const b of buffers) if (!KNOWN_BUFFERS.has(b.buffer) && !unevaluated.includes(b.buffer)) unevaluated.push(b.buffer);
  const h = rule.header;
  const sid = facts ? facts.sid : ruleSid(rule);
  return {
    range: rule.ruleRange,
    headRange: { start: h.action?.range.start ?? rule.ruleRange.start, end: h.protocol?.range.end ?? h.action?.range.end ?? rule.ruleRange.start },
    sid: sid?.sid,
    gid: sid?.gid ?? 1,
    msg,
    action: h.action?.name ?? '',
    protocol: h.protocol?.name ?? '',
    bidirectional: h.direction?.text === '<>',
    source: addressField(h.source, text, defs),
    sourcePort: portField(h.sourcePort, text, defs),
    destination: addressField(h.destination, text, defs),
    destinationPort: portField(h.destinationPort, text, defs),
    flow: flowOf(options),
    flowbits: flowbitsOf(options, text),
    buffers,
    sslStates,
    appLayerProtocols,
    ipProtos,
    tls: { isTlsRule: tls.isTlsRule, gated: tls.gated, clientHelloBuffers: tls.clientHelloBuffers.length, serverSide: tls.serverSide.length },
    unevaluated,
    conditionKey: conditions.join(';'),
    noalert,
  };
}

/** `sid:N` or `line N` for messages. */
export function ruleLabel(m: Pick<RuleModel, 'sid'>, line?: number): string {
  if (m.sid !== undefined) return `sid:${m.sid}`;
  return line !== undefined ? `the rule on line ${line}` : 'a rule without sid';
}
