import { BLOCKING_ACTIONS } from '../../catalog/actions.js';
import { tlsKeywordTiming, type TlsPhase } from '../../catalog/tls-keyword-timing.js';
import type { AppLayerProtocolValue, FlowValue, Item, SslStateValue } from '../../syntax/option-values.js';
import type { RuleOption, RuleStatement } from '../../syntax/tree.js';

const TLS_PROTOCOLS = new Set(['tls', 'ssl']);
const TRANSPORT_PROTOCOLS = new Set(['tcp', 'ip', 'tcp-pkt', 'tcp-stream', 'ipv4', 'ipv6', 'ip4', 'ip6']);

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
  /** flow direction, if the rule names one. */
  readonly direction?: 'to_server' | 'to_client';
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

const cache = new WeakMap<RuleStatement, TlsRuleAnalysis>();

export function analyzeTls(rule: RuleStatement): TlsRuleAnalysis {
  let a = cache.get(rule);
  if (!a) {
    a = compute(rule);
    cache.set(rule, a);
  }
  return a;
}

function compute(rule: RuleStatement): TlsRuleAnalysis {
  const action = rule.header.action?.name ?? '';
  const protocol = rule.header.protocol?.name ?? '';
  let direction: 'to_server' | 'to_client' | undefined;
  let notEstablished = false;
  let appLayerTls = false;
  let appLayerProtocolOption: RuleOption | undefined;
  let hasTlsKeyword = false;
  const sslStates: SslStateOption[] = [];
  const phased: { option: RuleOption; phase: TlsPhase }[] = [];
  for (const o of rule.options) {
    if (o.name === 'flow' && o.parsed?.kind === 'flow') {
      for (const it of (o.parsed as FlowValue).items) {
        const n = it.name.toLowerCase();
        if (n === 'to_server' || n === 'from_client') direction = 'to_server';
        else if (n === 'to_client' || n === 'from_server') direction = 'to_client';
        else if (n === 'not_established') notEstablished = true;
      }
    } else if (o.name === 'app-layer-protocol' && o.parsed?.kind === 'app-layer-protocol') {
      const v = o.parsed as AppLayerProtocolValue;
      if (!v.negated && TLS_PROTOCOLS.has(v.protocol)) appLayerTls = true;
      if (!v.negated) appLayerProtocolOption = o;
    }
    const t = tlsKeywordTiming(o.name);
    if (!t) continue;
    hasTlsKeyword = true;
    if (t.phase === 'state') {
      if (o.parsed?.kind === 'ssl_state') {
        const items = (o.parsed as SslStateValue).items;
        sslStates.push({
          option: o,
          items,
          positives: items.filter((i) => !i.negated).map((i) => i.name),
          negatives: items.filter((i) => i.negated).map((i) => i.name),
        });
      }
    } else phased.push({ option: o, phase: t.phase });
  }
  // Suricata 8 explicit hooks (`tls:client_hello_done`) are another dialect: the hook
  // decides when the rule runs, so the ssl_state checks do not apply.
  const hooked = !!rule.header.protocol?.hook;
  const isTlsRule = !hooked && (TLS_PROTOCOLS.has(protocol) || (TRANSPORT_PROTOCOLS.has(protocol) && (hasTlsKeyword || appLayerTls)));
  // tls.random*/tls.alpn read the ClientHello only when the rule is to_server; undirected they also read the ServerHello.
  const clientHelloBuffers = phased.filter((p) => p.phase === 'client-hello' || (p.phase === 'hello' && direction === 'to_server')).map((p) => p.option);
  const store = phased.filter((p) => p.phase === 'store').map((p) => p.option);
  const serverSide = phased.filter((p) => p.phase === 'server-hello' || p.phase === 'certificate').map((p) => p.option);
  const recordVersion = phased.filter((p) => p.phase === 'record').map((p) => p.option);
  // An ssl_state with only positive items cannot match before a handshake message is parsed:
  // Suricata matches when ((listed & current) ^ negated) != 0, and current is 0 until then.
  const positiveOnly = sslStates.filter((s) => s.negatives.length === 0 && s.positives.length > 0);
  const explicitClientHello = positiveOnly.some((s) => s.positives.includes('client_hello'));
  const gated = positiveOnly.length > 0 || clientHelloBuffers.length > 0 || serverSide.length > 0 || phased.some((p) => p.phase === 'hello');
  return {
    isTlsRule,
    action,
    blocking: BLOCKING_ACTIONS.has(action),
    direction,
    notEstablished,
    sslStates,
    clientHelloBuffers,
    serverSide,
    store,
    appLayerProtocolOption,
    recordVersion,
    gated,
    explicitClientHello,
  };
}

/** Why the ssl_state:client_hello fix must not be offered, or undefined when it may. */
export function clientHelloFixBlocker(a: TlsRuleAnalysis): string | undefined {
  if (a.serverSide.length > 0) {
    return `it reads the server side ('${a.serverSide[0].keyword.text}'), which only exists after the ClientHello state has passed, so the rule would never match`;
  }
  if (a.store.length > 0) return `it stores the server certificate (tls_store), which does not exist yet while the state is client_hello`;
  if (a.direction === 'to_client') return 'it inspects server-to-client traffic (flow:to_client), where the handshake state is never client_hello';
  for (const s of a.sslStates) {
    if (s.negatives.includes('client_hello')) return `it already says ssl_state:${s.option.value?.text ?? ''}, which excludes client_hello`;
  }
  return undefined;
}
