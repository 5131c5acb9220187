import { emptyStickyBuffers } from '../../semantics/active-buffer.js';
import { BLOCKING_ACTIONS } from '../../catalog/actions.js';
import { PACKET_FLOW_ITEMS, isPacketKeyword } from '../../catalog/packet-keywords.js';
import { tlsKeywordTiming, type TlsPhase } from '../../catalog/tls-keyword-timing.js';
import type { AppLayerProtocolValue, FlowValue, Item, SslStateValue } from '../../syntax/option-values.js';
import type { ListExpr, RuleOption, RuleStatement } from '../../syntax/tree.js';

const TLS_PROTOCOLS: ReadonlySet<string> = new Set(['tls', 'ssl']);
const TRANSPORT_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'ip', 'tcp-pkt', 'tcp-stream', 'ipv4', 'ipv6', 'ip4', 'ip6']);

export interface SslStateOption {
  readonly option: RuleOption;
  readonly items: readonly Item[];
  readonly positives: readonly string[];
  readonly negatives: readonly string[];
}

/** What a rule's options say about when it can match on a TLS flow. Computed once per rule. */
export interface TlsRuleAnalysis {
  /** The rule inspects TLS flows: protocol tls/ssl, or tcp/ip with TLS keywords or app-layer-protocol:tls. */
  readonly isTlsRule: boolean;
  readonly action: string;
  readonly blocking: boolean;
  /**
   * The direction of the packets the rule can match: from `flow:` (to_server/from_client,
   * to_client/from_server), else from the header's ports (a fixed source port and any destination port
   * is the server answering: to_client; the reverse is to_server). Undefined when neither says.
   */
  readonly direction?: 'to_server' | 'to_client';
  /** Where `direction` comes from. */
  readonly directionFrom?: 'flow' | 'header';
  /** Packet keywords (dsize, flags, ttl, ..., flow:no_stream): Suricata refuses them beside ssl_state. */
  readonly packetKeywords: readonly RuleOption[];
  readonly notEstablished: boolean;
  readonly sslStates: readonly SslStateOption[];
  /** Options whose buffer exists only after a complete ClientHello (tls.sni, ja3.*, ja4.hash, to-server tls.random*). */
  readonly clientHelloBuffers: readonly RuleOption[];
  /** Options that read the server side (ja3s.*, certificate keywords). */
  readonly serverSide: readonly RuleOption[];
  /** `tls_store`: a post-match action on the server certificate (gates nothing, blocks the fix). */
  readonly store: readonly RuleOption[];
  /** A positive `app-layer-protocol:tls` option (the ssl_state fix must come after it to load). */
  readonly appLayerProtocolOption?: RuleOption;
  /** ssl_version / tls.version options. */
  readonly recordVersion: readonly RuleOption[];
  /** The rule cannot match before a handshake message has been parsed. */
  readonly gated: boolean;
  /** A positive-only ssl_state that lists client_hello exists. */
  readonly explicitClientHello: boolean;
}

/** When a rule can match on a TLS flow. Lint rules read `facts.tls` (computed once per statement) instead. */
export function analyzeTls(rule: RuleStatement): TlsRuleAnalysis {
  return compute(rule);
}

const NONE: readonly never[] = Object.freeze([]);

/** `analyzeTls`, with the rule's empty sticky buffers from its buffer model when the caller has it (RuleFacts.tls). */
export function computeTls(rule: RuleStatement, emptyBuffers?: () => ReadonlySet<RuleOption>): TlsRuleAnalysis {
  return compute(rule, emptyBuffers);
}

/** `emptyBuffers`: the sticky buffer options no match uses (from the rule's buffer model, asked only when needed). */
function compute(rule: RuleStatement, emptyBuffers: () => ReadonlySet<RuleOption> = () => emptyStickyBuffers(rule)): TlsRuleAnalysis {
  const action = rule.header.action?.name ?? '';
  const protocol = rule.header.protocol?.name ?? '';
  let direction: 'to_server' | 'to_client' | undefined;
  let notEstablished = false;
  let appLayerTls = false;
  let appLayerProtocolOption: RuleOption | undefined;
  let hasTlsKeyword = false;
  let packetKeywords: RuleOption[] | undefined;
  let sslStates: SslStateOption[] | undefined;
  // Options by phase, in rule order; `hello` options count as ClientHello buffers only on to_server
  // rules, and the direction is known only after the loop.
  let phased: { option: RuleOption; phase: TlsPhase }[] | undefined;
  let positiveOnly = false;
  let explicitClientHello = false;
  // Sticky buffers no match uses (`content:"x"; tls_sni;`): the rule is not keyed on them (semantics/active-buffer.ts).
  let empty: ReadonlySet<RuleOption> | undefined;
  const options = rule.options;
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    const name = o.name;
    if (name === 'flow' && o.parsed?.kind === 'flow') {
      for (const it of (o.parsed as FlowValue).items) {
        const n = it.name.toLowerCase();
        if (n === 'to_server' || n === 'from_client') direction = 'to_server';
        else if (n === 'to_client' || n === 'from_server') direction = 'to_client';
        else if (n === 'not_established') notEstablished = true;
        else if (PACKET_FLOW_ITEMS.includes(n)) (packetKeywords ??= []).push(o);
      }
    } else if (name === 'app-layer-protocol' && o.parsed?.kind === 'app-layer-protocol') {
      const v = o.parsed as AppLayerProtocolValue;
      if (!v.negated && TLS_PROTOCOLS.has(v.protocol)) appLayerTls = true;
      if (!v.negated) appLayerProtocolOption = o;
    }
    if (isPacketKeyword(name)) (packetKeywords ??= []).push(o);
    const t = tlsKeywordTiming(name);
    if (!t) continue;
    hasTlsKeyword = true;
    if (t.phase === 'state') {
      if (o.parsed?.kind === 'ssl_state') {
        const items = (o.parsed as SslStateValue).items;
        const positives: string[] = [];
        const negatives: string[] = [];
        for (const item of items) (item.negated ? negatives : positives).push(item.name);
        (sslStates ??= []).push({ option: o, items, positives, negatives });
        // An ssl_state with only positive items cannot match before a handshake message is parsed:
        // Suricata matches when ((listed & current) ^ negated) != 0, and current is 0 until then.
        if (negatives.length === 0 && positives.length > 0) {
          positiveOnly = true;
          if (positives.includes('client_hello')) explicitClientHello = true;
        }
      }
    } else if (!(empty ??= emptyBuffers()).has(o)) (phased ??= []).push({ option: o, phase: t.phase });
  }
  const directionFrom = direction ? 'flow' : undefined;
  if (!direction) direction = headerDirection(rule);
  // Suricata 8 explicit hooks (`tls:client_hello_done`) are another dialect: the hook
  // decides when the rule runs, so the ssl_state checks do not apply.
  const hooked = !!rule.header.protocol?.hook;
  const isTlsRule = !hooked && (TLS_PROTOCOLS.has(protocol) || (TRANSPORT_PROTOCOLS.has(protocol) && (hasTlsKeyword || appLayerTls)));
  // tls.random*/tls.alpn read the ClientHello only when the rule is to_server; undirected they also read the ServerHello.
  let clientHelloBuffers: RuleOption[] | undefined;
  let store: RuleOption[] | undefined;
  let serverSide: RuleOption[] | undefined;
  let recordVersion: RuleOption[] | undefined;
  let hello = false;
  if (phased) {
    for (const p of phased) {
      switch (p.phase) {
        case 'client-hello':
          (clientHelloBuffers ??= []).push(p.option);
          break;
        case 'hello':
          hello = true;
          if (direction === 'to_server') (clientHelloBuffers ??= []).push(p.option);
          break;
        case 'store':
          (store ??= []).push(p.option);
          break;
        case 'server-hello':
        case 'certificate':
          (serverSide ??= []).push(p.option);
          break;
        case 'record':
          (recordVersion ??= []).push(p.option);
          break;
      }
    }
  }
  const gated = positiveOnly || clientHelloBuffers !== undefined || serverSide !== undefined || hello;
  return {
    isTlsRule,
    action,
    blocking: BLOCKING_ACTIONS.has(action),
    direction,
    directionFrom: directionFrom ?? (direction ? 'header' : undefined),
    packetKeywords: packetKeywords ?? NONE,
    notEstablished,
    sslStates: sslStates ?? NONE,
    clientHelloBuffers: clientHelloBuffers ?? NONE,
    serverSide: serverSide ?? NONE,
    store: store ?? NONE,
    appLayerProtocolOption,
    recordVersion: recordVersion ?? NONE,
    gated,
    explicitClientHello,
  };
}

/** A port list naming fixed ports (a number, a port variable, or a group of them): a server's side. */
function fixedPort(p: ListExpr | undefined): boolean {
  if (!p || p.negated) return false;
  if (p.kind === 'group') return p.items.length > 0 && p.items.every(fixedPort);
  if (p.valueKind === 'variable') return true;
  return p.valueKind === 'literal' && /^\d+$/.test(p.value.text);
}

/**
 * The direction the header selects through its ports, as Suricata matches it: a rule whose source port is
 * fixed (443, $HTTP_PORTS) and whose destination port is not matches the server's packets (to_client),
 * the reverse the client's (to_server). `<>` rules and rules with both or neither fixed say nothing.
 */
export function headerDirection(rule: RuleStatement): 'to_server' | 'to_client' | undefined {
  const h = rule.header;
  if (h.direction?.text !== '->') return undefined;
  const src = fixedPort(h.sourcePort);
  const dst = fixedPort(h.destinationPort);
  if (src && !dst) return 'to_client';
  if (dst && !src) return 'to_server';
  return undefined;
}

/** How the rule's direction reads in a message: `flow:to_client`, or `source port 443`. */
export function directionWords(rule: RuleStatement, a: TlsRuleAnalysis): string {
  if (a.directionFrom === 'flow') return `flow:${a.direction}`;
  const port = a.direction === 'to_client' ? rule.header.sourcePort : rule.header.destinationPort;
  const text = port?.kind === 'value' ? ` ${port.value.text}` : '';
  return a.direction === 'to_client' ? `the fixed source port${text} (the server's side)` : `the fixed destination port${text}`;
}

/** Why the ssl_state:client_hello fix must not be offered, or undefined when it may. */
export function clientHelloFixBlocker(a: TlsRuleAnalysis): string | undefined {
  if (a.serverSide.length > 0) {
    return `it reads the server side ('${a.serverSide[0].keyword.text}'), which only exists after the ClientHello state has passed, so the rule would never match`;
  }
  if (a.store.length > 0) return `it stores the server certificate (tls_store), which does not exist yet while the state is client_hello`;
  if (a.direction === 'to_client') return 'it inspects server-to-client traffic, where the handshake state is never client_hello';
  if (a.packetKeywords.length > 0) {
    const k = a.packetKeywords[0];
    return `it matches on packet fields ('${k.name === 'flow' ? k.value?.text ?? 'flow' : k.keyword.text}'), and Suricata refuses a rule that combines packet matches with ssl_state ("Signature combines packet specific matches ... with stream / state matching")`;
  }
  for (const s of a.sslStates) {
    if (s.negatives.includes('client_hello')) return `it already says ssl_state:${s.option.value?.text ?? ''}, which excludes client_hello`;
  }
  return undefined;
}
