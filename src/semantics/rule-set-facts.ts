import { BLOCKING_ACTIONS } from '../catalog/actions.js';
import type { LintOptions } from '../linter/lint-options.js';
import { buildRuleStatement } from '../syntax/build-tree.js';
import { splitStatements } from '../syntax/split-statements.js';
import type { AppLayerProtocolValue, FlowbitsValue, FlowValue } from '../syntax/option-values.js';
import type { RuleStatement } from '../syntax/tree.js';
import { resolveText, NO_DEFINITIONS } from './header-sets.js';
import { ipHas } from './ip-set.js';
import { canonicalProtocol } from './protocol-cover.js';

/**
 * What the rule-set checks need to know about ALL files of a run (every rule group of a policy, every
 * file given on the command line): which flowbits are set and checked where, and whether some rule
 * handles QUIC, TLS without SNI, and TLS at all. Plain data (it crosses to worker threads). Built by
 * `collectRuleSetFacts` from the texts, parsing only the rules that can contribute.
 */
export interface RuleSetFacts {
  /** Flowbit name -> number of rules that set or toggle it, in the whole run. */
  readonly flowbitSetters: Readonly<Record<string, number>>;
  /** Flowbit name -> number of rules that test it (isset/isnotset), in the whole run. */
  readonly flowbitCheckers: Readonly<Record<string, number>>;
  /** Some rule reads `tls.sni`. */
  readonly sniRules: boolean;
  /** Some rule sees QUIC: protocol quic, `quic.sni`, or a udp/ip rule whose destination ports include 443. */
  readonly quicHandled: boolean;
  /** Some drop/reject can take a TLS ClientHello without reading its SNI (a TLS catch-all, a JA4 no-SNI rule). */
  readonly noSniHandled: boolean;
}

const WORTH_PARSING = /flowbits|sni|quic|udp|drop|reject|\sip\s/i;

function appLayerExcludesTls(rule: RuleStatement): boolean {
  for (const o of rule.options) {
    if (o.parsed?.kind !== 'app-layer-protocol') continue;
    const v = o.parsed as AppLayerProtocolValue;
    if (v.negated ? v.protocol === 'tls' || v.protocol === 'ssl' : v.protocol !== 'tls' && v.protocol !== 'ssl') return true;
  }
  return false;
}

function toClient(rule: RuleStatement): boolean {
  return rule.options.some((o) => o.parsed?.kind === 'flow' && (o.parsed as FlowValue).items.some((i) => /^(to_client|from_server)$/i.test(i.name)));
}

/** Mutable accumulator behind `RuleSetFacts`. */
export class RuleSetFactsBuilder {
  private readonly setters: Record<string, number> = Object.create(null);
  private readonly checkers: Record<string, number> = Object.create(null);
  private sni = false;
  private quic = false;
  private noSni = false;

  /** Adds one rule statement's contribution. */
  add(rule: RuleStatement, text: string): void {
    const protocol = canonicalProtocol(rule.header.protocol?.name ?? '');
    const action = rule.header.action?.name ?? '';
    let readsSni = false;
    for (const o of rule.options) {
      if (o.name === 'tls.sni' || o.name === 'tls_sni') readsSni = true;
      if (o.name === 'quic.sni') this.quic = true;
      if (o.parsed?.kind !== 'flowbits') continue;
      const v = o.parsed as FlowbitsValue;
      const c = v.command.toLowerCase();
      const table = c === 'set' || c === 'toggle' ? this.setters : c === 'isset' || c === 'isnotset' ? this.checkers : undefined;
      if (table) for (const n of v.names) if (n.name) table[n.name] = (table[n.name] ?? 0) + 1;
    }
    if (readsSni) this.sni = true;
    if (protocol === 'quic') this.quic = true;
    if ((protocol === 'udp' || protocol === 'ip') && rule.header.destinationPort) {
      const r = rule.header.destinationPort.range;
      const ports = resolveText('port', text.slice(r.start, r.end), NO_DEFINITIONS);
      if (!ports || ipHas(ports, 443n)) this.quic = true;
    }
    if (BLOCKING_ACTIONS.has(action) && (protocol === 'tls' || protocol === 'tcp' || protocol === 'ip') && !readsSni && !toClient(rule) && !appLayerExcludesTls(rule)) this.noSni = true;
  }

  /**
   * Adds every rule of a text that can contribute: the rules Suricata (or AWS, which trims indentation)
   * loads, and of those only the ones whose text mentions a flowbit, an SNI, QUIC, UDP, ip or a block.
   */
  addText(text: string, options: LintOptions = {}): void {
    const indentedLoads = (options.profile ?? 'aws-nfw') === 'aws-nfw';
    for (const span of splitStatements(text).spans) {
      if (span.kind !== 'rule' || !(span.layout === 'active' || (span.layout === 'indented' && indentedLoads))) continue;
      if (!WORTH_PARSING.test(text.slice(span.range.start, span.range.end))) continue;
      this.add(buildRuleStatement(text, span), text);
    }
  }

  build(): RuleSetFacts {
    return { flowbitSetters: { ...this.setters }, flowbitCheckers: { ...this.checkers }, sniRules: this.sni, quicHandled: this.quic, noSniHandled: this.noSni };
  }
}

/** The facts of a whole run from its rules texts (for host files: each embedded rules string). */
export function collectRuleSetFacts(texts: Iterable<string>, options: LintOptions = {}): RuleSetFacts {
  const b = new RuleSetFactsBuilder();
  for (const t of texts) b.addText(t, options);
  return b.build();
}

/*
 * A file linted on its own (library use, the language server, tests) has no run facts: its own text is
 * the whole rule set. The facts of the last text asked about are kept: every rule-set check of one file
 * asks for the same text.
 */
let lastText: string | undefined;
let lastFacts: RuleSetFacts | undefined;

/** The run's facts when the caller gave them, else those of this text alone. */
export function factsFor(text: string, given: RuleSetFacts | undefined): RuleSetFacts {
  if (given) return given;
  if (text !== lastText || !lastFacts) {
    lastFacts = collectRuleSetFacts([text]);
    lastText = text;
  }
  return lastFacts;
}
