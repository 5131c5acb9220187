import { canonicalName, lookupKeyword } from '../catalog/keyword-catalog.js';
import { lookupProtocol } from '../catalog/protocols.js';
import type { RuleStatement } from '../syntax/tree.js';
import type { Dialect } from './dialect.js';
import { APP_HOOKS, AWS_ONLY_HOOKS, packetHook, type AppHook, type HookDirection, type PacketHook } from './firewall-hooks.js';
import { KEYWORD_HOOKS, PAYLOAD_KEYWORDS, type KeywordHook } from './firewall-keyword-hooks.js';

/** What a rule's `protocol:hook` names under a dialect. */
export type ResolvedHook =
  | { readonly kind: 'none' }
  | { readonly kind: 'packet'; readonly hook: PacketHook }
  | { readonly kind: 'app'; readonly hook: AppHook; readonly protocol: string; readonly awsOnly?: boolean }
  /** Valid in the other dialect only (`client_hello` under upstream, `client_hello_done` under AWS): rename. */
  | { readonly kind: 'other-dialect'; readonly hook: AppHook; readonly protocol: string; readonly rename: string }
  /** An upstream name AWS has not documented a spelling for (AWS DNS, SSH, QUIC hooks; TLS server states). */
  | { readonly kind: 'unverified'; readonly hook: AppHook; readonly protocol: string }
  | { readonly kind: 'unknown'; readonly protocol: string; readonly candidates: readonly string[] };

/** The name of a hook in a dialect's spelling. */
export function hookName(hook: AppHook, dialect: Dialect): string {
  return dialect.hookNames === 'aws' && hook.aws ? hook.aws : hook.name;
}

/** Every hook name valid for `protocol` in a dialect (for did-you-mean). */
export function hookNames(protocol: string, dialect: Dialect): string[] {
  const app = APP_HOOKS[protocol];
  if (!app) return lookupProtocol(protocol)?.layer === 'packet' ? ['flow_start', 'pre_flow', 'pre_stream', 'all'] : [];
  const names = app.map((h) => hookName(h, dialect));
  if (dialect.hookNames === 'aws') names.push(...(AWS_ONLY_HOOKS[protocol] ?? []).map((h) => h.name));
  return [...new Set(names)];
}

/** Resolves the hook of `rule` (case-sensitive, as Suricata and, presumably, AWS compare hook names). */
export function resolveHook(rule: RuleStatement, dialect: Dialect): ResolvedHook {
  const p = rule.header.protocol;
  if (!p?.hook) return { kind: 'none' };
  const protocol = p.name;
  const name = p.hook.text;
  const app = APP_HOOKS[protocol];
  if (!app) {
    if (lookupProtocol(protocol)?.layer === 'packet') {
      const h = packetHook(name);
      if (h) return { kind: 'packet', hook: h };
    }
    return { kind: 'unknown', protocol, candidates: hookNames(protocol, dialect) };
  }
  const awsOnly = AWS_ONLY_HOOKS[protocol]?.find((h) => h.name === name);
  if (dialect.hookNames === 'aws') {
    const byAws = app.find((h) => h.aws === name);
    if (byAws) return { kind: 'app', hook: byAws, protocol };
    if (awsOnly) return { kind: 'app', hook: awsOnly, protocol, awsOnly: true };
    const byName = app.find((h) => h.name === name);
    if (byName?.aws) return { kind: 'other-dialect', hook: byName, protocol, rename: byName.aws };
    // TLS request/response_started and client_finished are documented AWS names too (AWS-NEXT-GEN.md 3.3).
    if (byName) return protocol === 'http1' || (protocol === 'tls' && name === 'client_finished') ? { kind: 'app', hook: byName, protocol } : { kind: 'unverified', hook: byName, protocol };
  } else {
    const byName = app.find((h) => h.name === name);
    if (byName) return { kind: 'app', hook: byName, protocol };
    const byAws = app.find((h) => h.aws === name);
    if (byAws) return { kind: 'other-dialect', hook: byAws, protocol, rename: byAws.name };
  }
  return { kind: 'unknown', protocol, candidates: hookNames(protocol, dialect) };
}

/** The app hook (upstream) a resolved hook stands for, when it is an application-layer hook. */
export function appHookOf(r: ResolvedHook): AppHook | undefined {
  return r.kind === 'app' || r.kind === 'other-dialect' || r.kind === 'unverified' ? r.hook : undefined;
}

/** The first hook of `protocol` in `direction` (progress 0). */
export function firstHook(protocol: string, direction: HookDirection): AppHook | undefined {
  return APP_HOOKS[protocol]?.find((h) => h.direction === direction && h.progress === 0);
}

/** The distinct hooks (by progress) of `protocol` before `hook`, in its direction. */
export function priorHooks(protocol: string, hook: AppHook): AppHook[] {
  const out: AppHook[] = [];
  for (const h of APP_HOOKS[protocol] ?? []) {
    if (h.direction !== hook.direction || h.progress >= hook.progress) continue;
    // One hook per progress: the one AWS names, else the first listed.
    const i = out.findIndex((o) => o.progress === h.progress);
    if (i < 0) out.push(h);
    else if (h.aws && !out[i].aws) out[i] = h;
  }
  return out;
}

/** Where the data of keyword `name` exists (any alias), or undefined for keywords not bound to one hook. */
export function keywordHook(name: string): KeywordHook | undefined {
  return KEYWORD_HOOKS[name] ?? KEYWORD_HOOKS[canonicalName(name) ?? ''];
}

/**
 * Whether a keyword inspects payload or an application-layer buffer: not allowed at a packet hook
 * (AWS: DG firewall-rule-constraints-packet-payload; Suricata 8.0.8 aborts on content/pcre there).
 * `app-layer-protocol` is allowed at packet hooks (AWS C9).
 */
export function isPayloadOrAppKeyword(name: string): boolean {
  if (PAYLOAD_KEYWORDS.has(name)) return true;
  const k = lookupKeyword(name);
  if (!k || PACKET_HOOK_KEYWORDS.has(k.name)) return false;
  return PAYLOAD_KEYWORDS.has(k.name) || k.kind === 'sticky-buffer' || k.kind === 'payload' || (k.kind === 'app-layer' && k.name !== 'app-layer-event') || KEYWORD_HOOKS[k.name] !== undefined;
}

/** Keywords of payload or app-layer kind that packet hooks do take (AWS C9: dsize, app-layer-protocol). */
const PACKET_HOOK_KEYWORDS: ReadonlySet<string> = new Set(['dsize', 'app-layer-protocol', 'stream_size']);

/** True when the rule is written in firewall-mode shape (a scope on its action or a hook on its protocol, or `accept`). */
export function looksLikeFirewallRule(rule: RuleStatement): boolean {
  const a = rule.header.action;
  return !!(a && (a.scope || a.secondary || a.name === 'accept')) || !!rule.header.protocol?.hook;
}

/** What cross-rule firewall checks keep of one rule (no statement is retained). */
export interface FirewallRuleSummary {
  readonly range: import('../source/text-range.js').TextRange;
  readonly action: string;
  readonly scope?: string;
  readonly protocol: string;
  readonly hook: ResolvedHook;
  readonly prior: boolean;
  /** Header fields as written: source, source port, destination, destination port. */
  readonly fields: readonly string[];
  readonly arrow: string;
  /** `flow:to_server`/`to_client` (or from_client/from_server) when present. */
  readonly flowDirection?: HookDirection;
  /** Option names other than meta and flow keywords (what narrows the rule beyond its header). */
  readonly narrowing: readonly string[];
  readonly sid?: number;
  /** Where `<` would go (start of the hook name), for app hooks. */
  readonly hookStart?: number;
}

const META = new Set(['msg', 'sid', 'rev', 'gid', 'metadata', 'classtype', 'reference', 'priority', 'alert', 'noalert', 'target']);

/** The summary of `rule` (`text` is the whole rules text its ranges point into), or undefined for an incomplete header. */
export function summarizeFirewallRule(rule: RuleStatement, text: string, dialect: Dialect): FirewallRuleSummary | undefined {
  const h = rule.header;
  if (!h.action || !h.protocol || !h.source || !h.sourcePort || !h.destination || !h.destinationPort || !h.direction) return undefined;
  let flowDirection: HookDirection | undefined;
  const narrowing: string[] = [];
  let sid: number | undefined;
  for (const o of rule.options) {
    if (o.name === 'flow') {
      const v = (o.value?.text ?? '').toLowerCase();
      if (/\b(to_server|from_client)\b/.test(v)) flowDirection = 'to_server';
      else if (/\b(to_client|from_server)\b/.test(v)) flowDirection = 'to_client';
      continue;
    }
    if (o.name === 'sid' && o.value && /^\d+$/.test(o.value.text)) sid = Number(o.value.text);
    if (!META.has(o.name)) narrowing.push(o.name);
  }
  return {
    range: rule.ruleRange,
    action: h.action.name,
    scope: h.action.scope?.text,
    protocol: h.protocol.name,
    hook: resolveHook(rule, dialect),
    prior: !!h.protocol.acceptPriorHooks,
    fields: [h.source, h.sourcePort, h.destination, h.destinationPort].map((f) => text.slice(f.range.start, f.range.end)),
    arrow: h.direction.text,
    flowDirection,
    narrowing,
    sid,
    hookStart: h.protocol.hook?.range.start,
  };
}
