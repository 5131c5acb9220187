import type { RuleOption, RuleStatement } from '../syntax/tree.js';
import { ruleKeywords, type RuleKeywords } from '../rules/utils/rule-options.js';
import { LEGACY_BUFFER_MODIFIERS } from '../rules/utils/content-analysis.js';
import { lookupTable } from '../catalog/lookup-table.js';

/**
 * The buffer model: for every option of a rule, the inspection buffer in effect, and the buffer-state mistakes
 * Suricata 7.0.10 refuses or warns about. Modelled on src/detect-engine.c `DetectBufferSetActiveList` (a sticky
 * buffer keyword), src/detect-pkt-data.c (`pkt_data` resets the active list to the payload but keeps the current
 * buffer instance), src/detect-parse.c `DetectEngineContentModifierBufferSetup` (legacy modifiers such as
 * `http_header`) and `SigValidate` (the last buffer must have matches).
 */

/** The buffer an option works on: `undefined` is the packet/stream payload. */
export interface ActiveBuffer {
  /** Canonical sticky buffer name (`tls.sni`). */
  readonly name: string;
  /** The sticky buffer option that selected it. */
  readonly option: RuleOption;
}

export type BufferFinding =
  /**
   * A sticky buffer selected with no match after it before the next buffer or the end of the rule. Suricata:
   * "previous sticky buffer has no matches" / "rule N setup buffer X but didn't add matches to it".
   * `before`: a content/pcre just before the buffer keyword in the same buffer-less position, the Snort-style
   * `content:"x"; tls_sni;` the author probably meant as `tls_sni; content:"x";`.
   */
  | { readonly kind: 'empty-buffer'; readonly buffer: ActiveBuffer; readonly next?: RuleOption; readonly before?: RuleOption }
  /** A legacy content modifier (`http_header`) while a sticky buffer is active. Suricata: "keyword seen with a sticky buffer still set". */
  | { readonly kind: 'legacy-modifier-in-sticky-buffer'; readonly modifier: RuleOption; readonly buffer: ActiveBuffer }
  /** A single-instance buffer selected again after it got matches. Suricata loads the rule with "duplicate instance for X". */
  | { readonly kind: 'duplicate-instance'; readonly buffer: ActiveBuffer; readonly first: RuleOption };

export interface BufferModel {
  /** Per option (parallel to `rule.options`): the buffer in effect after that option. */
  readonly active: readonly (ActiveBuffer | undefined)[];
  readonly findings: readonly BufferFinding[];
}

/**
 * Buffers that take several instances in one rule (src: `DetectBufferTypeSupportsMultiInstance` calls in
 * Suricata 7.0.10), by canonical keyword name: selecting them again opens a new instance, no warning.
 */
export const MULTI_INSTANCE_BUFFERS: ReadonlySet<string> = new Set([
  'dns.query', 'file.data', 'file.magic', 'file.name', 'http.request_header', 'http.response_header', 'http2.header_name', 'ike.vendor',
  'krb5_cname', 'krb5_sname', 'mqtt.subscribe.topic', 'mqtt.unsubscribe.topic', 'quic.cyu.hash', 'quic.cyu.string', 'tls.cert_subject', 'tls.certs',
]);

/** Keywords that add a match to the active buffer (content, pcre, byte_*, isdataat, bsize, ... and dataset/datarep). */
const MATCH_KINDS = new Set(['payload']);
const MATCH_NAMES = new Set(['dataset', 'datarep']);
/** Payload-kind keywords Suricata adds to the packet match list, never to a sticky buffer (src/detect-dsize.c: DETECT_SM_LIST_MATCH; measured). */
const NOT_BUFFER_MATCHES = new Set(['dsize']);

const NONE: BufferModel = Object.freeze({ active: Object.freeze([]), findings: Object.freeze([]) });

/**
 * The buffer model of one rule. Pure; a rule without sticky buffers or legacy modifiers costs one pass over its
 * option names. Aliases count as their canonical buffer (`tls_sni` is `tls.sni`).
 */
export function bufferModel(rule: RuleStatement, keywords: RuleKeywords = ruleKeywords(rule)): BufferModel {
  const { infos, names } = keywords;
  const options = rule.options;
  let any = false;
  for (let i = 0; i < options.length; i++) if (infos[i]?.kind === 'sticky-buffer' || LEGACY_BUFFER_MODIFIERS[names[i]]) any = true;
  if (!any) return NONE;

  const active: (ActiveBuffer | undefined)[] = [];
  const findings: BufferFinding[] = [];
  let list: ActiveBuffer | undefined;
  // Buffer instances by canonical name (single-instance buffers are continued when selected again), and the
  // current one (it survives pkt_data, as Suricata's curbuf does).
  const instances = new Map<string, Instance>();
  let current: Instance | undefined;
  for (let i = 0; i < options.length; i++) {
    const option = options[i];
    const info = infos[i];
    const name = names[i];
    const implicit = IMPLICIT_BUFFER[name];
    if (name === 'pkt_data') {
      list = undefined;
    } else if (info?.name === 'base64_data') {
      // A built-in list, not a buffer instance (DetectBufferSetActiveList returns before curbuf for lists
      // below DETECT_SM_LIST_MAX): no empty or duplicate check, and the current instance stays.
      list = { name: info.name, option };
    } else if (info?.kind === 'sticky-buffer') {
      if (current && !current.hasMatch) {
        // Suricata stops at this error: nothing after it is checked.
        findings.push({ kind: 'empty-buffer', buffer: current.buffer, next: option, before: snortContent(options, names, active, current.buffer) });
        return { active: [...active, ...options.slice(i).map(() => list)], findings };
      }
      const selected = { name: info.name, option };
      const existing = instances.get(info.name);
      if (existing && !MULTI_INSTANCE_BUFFERS.has(info.name)) {
        // Suricata continues the existing instance; it warns unless a keyword such as urilen created it.
        if (!existing.implicit) findings.push({ kind: 'duplicate-instance', buffer: selected, first: existing.buffer.option });
        existing.implicit = false;
        current = existing;
      } else {
        current = { buffer: selected, hasMatch: false, implicit: false };
        instances.set(info.name, current);
      }
      list = selected;
    } else if (LEGACY_BUFFER_MODIFIERS[name]) {
      if (list) findings.push({ kind: 'legacy-modifier-in-sticky-buffer', modifier: option, buffer: list });
    } else if (implicit && !list) {
      // urilen adds its match to the http.uri buffer without selecting it.
      const existing = instances.get(implicit);
      if (existing) existing.hasMatch = true;
      else instances.set(implicit, { buffer: { name: implicit, option }, hasMatch: true, implicit: true });
    } else if (list && list.name !== 'base64_data' && current && !NOT_BUFFER_MATCHES.has(name) && (MATCH_KINDS.has(info?.kind ?? '') || MATCH_NAMES.has(name) || !info || implicit)) {
      // An unknown keyword counts as a match: never report an empty buffer we cannot be sure of.
      current.hasMatch = true;
    }
    active.push(list);
  }
  if (current && !current.hasMatch) findings.push({ kind: 'empty-buffer', buffer: current.buffer, before: snortContent(options, names, active, current.buffer) });
  return { active, findings };
}

interface Instance {
  readonly buffer: ActiveBuffer;
  hasMatch: boolean;
  /** Created by a keyword that adds to the buffer without selecting it (`urilen`): selecting it later is no duplicate. */
  implicit: boolean;
}

/** Keywords that add a match to a buffer without selecting it (src/detect-urilen.c: the http_uri list). */
const IMPLICIT_BUFFER: Readonly<Record<string, string>> = lookupTable({ urilen: 'http.uri' });

/**
 * The content or pcre on the packet payload right before `buffer`'s keyword (only its modifiers between), when one
 * is there: the Snort-style `content:"x"; tls_sni;`.
 */
function snortContent(options: readonly RuleOption[], names: readonly string[], active: readonly (ActiveBuffer | undefined)[], buffer: ActiveBuffer): RuleOption | undefined {
  const at = options.indexOf(buffer.option);
  for (let j = at - 1; j >= 0; j--) {
    if (names[j] === 'content' || names[j] === 'pcre') return active[j] === undefined ? options[j] : undefined;
    // Modifiers of that content (nocase, depth, ...) may sit between it and the buffer keyword.
    if (!/^(nocase|depth|offset|distance|within|fast_pattern|startswith|endswith|rawbytes)$/.test(names[j])) return undefined;
  }
  return undefined;
}

/**
 * Sticky buffer options that select a buffer no match uses (Suricata refuses such rules): a check that asks
 * "what does this rule match" must not count them, e.g. `content:"x"; tls_sni;` is not keyed on the SNI.
 */
export function emptyStickyBuffers(rule: RuleStatement, model: BufferModel = bufferModel(rule)): ReadonlySet<RuleOption> {
  const findings = model.findings;
  if (!findings.length) return EMPTY_SET;
  const out = new Set<RuleOption>();
  for (const f of findings) if (f.kind === 'empty-buffer') out.add(f.buffer.option);
  return out;
}

const EMPTY_SET: ReadonlySet<RuleOption> = new Set();
