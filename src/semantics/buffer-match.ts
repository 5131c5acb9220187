import type { RuleOption, RuleStatement } from '../syntax/tree.js';
import type { PcreValue } from '../syntax/option-values.js';
import { analyzeContents, PAYLOAD, type ContentAnalysis, type ContentEntry } from '../rules/utils/content-analysis.js';

/** The host-name buffers whose contents are domain names (Suricata 7 sticky buffer names). */
export const HOST_BUFFERS: ReadonlySet<string> = new Set(['tls.sni', 'http.host', 'dns.query', 'quic.sni']);

/** One `content` on a buffer, with the modifiers that decide where it may match. */
export interface ContentSpec {
  readonly option: RuleOption;
  readonly pattern: string;
  readonly negated: boolean;
  readonly nocase: boolean;
  readonly startswith: boolean;
  readonly endswith: boolean;
  readonly offset?: number;
  readonly depth?: number;
  readonly distance?: number;
  readonly within?: number;
  /** Modifiers this module does not evaluate (`fast_pattern` is ignored: it changes speed, not matches). */
  readonly unsupported: readonly string[];
}

/** What one rule requires of one sticky buffer: transforms, contents, pcre, bsize. */
export interface BufferMatch {
  /** Canonical sticky buffer name (`tls.sni`), never `payload`. */
  readonly buffer: string;
  /** The sticky-buffer option (or the first content, for legacy modifiers such as `http_host`). */
  readonly option: RuleOption;
  readonly transforms: readonly string[];
  readonly contents: readonly ContentSpec[];
  readonly pcres: readonly { option: RuleOption; pattern?: string; flags?: string; negated: boolean }[];
  readonly bsizes: readonly RuleOption[];
}

const SUPPORTED_MODIFIERS = new Set(['nocase', 'startswith', 'endswith', 'offset', 'depth', 'distance', 'within', 'fast_pattern']);

function numberOf(entry: ContentEntry, name: string): number | undefined {
  for (let i = 0; i < entry.modifiers.length; i++) {
    if (entry.modifierNames[i] !== name) continue;
    const v = entry.modifiers[i].value?.text.trim();
    if (v && /^-?\d+$/.test(v)) return Number(v);
    return Number.NaN;
  }
  return undefined;
}

function contentSpec(entry: ContentEntry): ContentSpec | undefined {
  if (entry.pattern === undefined) return undefined;
  const unsupported: string[] = [];
  for (const m of entry.modifierNames) if (!SUPPORTED_MODIFIERS.has(m)) unsupported.push(m);
  const spec = {
    option: entry.option,
    pattern: entry.pattern,
    negated: entry.negated,
    nocase: entry.modifierNames.includes('nocase'),
    startswith: entry.modifierNames.includes('startswith'),
    endswith: entry.modifierNames.includes('endswith'),
    offset: numberOf(entry, 'offset'),
    depth: numberOf(entry, 'depth'),
    distance: numberOf(entry, 'distance'),
    within: numberOf(entry, 'within'),
    unsupported,
  };
  for (const k of ['offset', 'depth', 'distance', 'within'] as const) if (Number.isNaN(spec[k])) unsupported.push(k);
  return spec;
}

/** The buffer matches of a rule, in order of first use; contents on the packet payload are left out. */
export function bufferMatches(rule: RuleStatement, analysis: ContentAnalysis = analyzeContents(rule)): BufferMatch[] {
  const byBuffer = new Map<string, { option: RuleOption; transforms: string[]; contents: ContentSpec[]; pcres: BufferMatch['pcres'][number][]; bsizes: RuleOption[] }>();
  const get = (buffer: string, option: RuleOption) => {
    let b = byBuffer.get(buffer);
    if (!b) byBuffer.set(buffer, (b = { option, transforms: [], contents: [], pcres: [], bsizes: [] }));
    return b;
  };
  for (const c of analysis.contents) {
    if (c.buffer === PAYLOAD) continue;
    const b = get(c.buffer, c.bufferOption ?? c.option);
    if (b.transforms.length === 0) for (const t of c.transforms) b.transforms.push(t.name);
    const spec = contentSpec(c);
    if (spec) b.contents.push(spec);
  }
  for (const p of analysis.pcres) {
    if (p.buffer === PAYLOAD) continue;
    const v = p.option.parsed?.kind === 'pcre' ? (p.option.parsed as PcreValue) : undefined;
    get(p.buffer, p.bufferOption ?? p.option).pcres.push({ option: p.option, pattern: v?.pattern, flags: v?.flags, negated: v?.negated ?? false });
  }
  for (const s of analysis.bsizes) if (s.buffer !== PAYLOAD) get(s.buffer, s.bufferOption ?? s.option).bsizes.push(s.option);
  // A sticky buffer with nothing after it (`tls.sni;` alone) still requires the buffer to exist.
  for (const o of rule.options) if (HOST_BUFFERS.has(o.name) || o.name === 'ja4.hash' || o.name === 'ja3.hash') get(o.name, o);
  return [...byBuffer].map(([buffer, b]) => ({ buffer, ...b }));
}

/** Result of matching a rule's requirements on one buffer value: true, false, or why it cannot be told. */
export type MatchResult = boolean | { undetermined: string };

function applyTransforms(value: string, transforms: readonly string[]): string | { undetermined: string } {
  let v = value;
  for (const t of transforms) {
    if (t === 'dotprefix') v = `.${v}`;
    else if (t === 'to_lowercase') v = v.toLowerCase();
    else if (t === 'to_uppercase') v = v.toUpperCase();
    else if (t === 'strip_whitespace') v = v.replace(/\s+/g, '');
    else return { undetermined: `the transform '${t}' is not simulated` };
  }
  return v;
}

/** Every position where `c` matches `buf` after `prevEnd` (relative) or anywhere (absolute). */
function positions(c: ContentSpec, buf: string, prevEnd: number | undefined): number[] {
  const hay = c.nocase ? buf.toLowerCase() : buf;
  const needle = c.nocase ? c.pattern.toLowerCase() : c.pattern;
  const relative = c.distance !== undefined || c.within !== undefined;
  const base = relative ? (prevEnd ?? 0) : 0;
  let from = base + (relative ? (c.distance ?? 0) : (c.offset ?? 0));
  if (from < 0) from = 0;
  let limit = buf.length;
  if (c.startswith) limit = Math.min(limit, needle.length);
  if (!relative && c.depth !== undefined) limit = Math.min(limit, (c.offset ?? 0) + c.depth);
  if (relative && c.within !== undefined) limit = Math.min(limit, base + c.within);
  const out: number[] = [];
  for (let i = hay.indexOf(needle, from); i >= 0 && i + needle.length <= limit; i = hay.indexOf(needle, i + 1)) {
    if (c.startswith && i !== 0) break;
    if (c.endswith && i + needle.length !== buf.length) continue;
    out.push(i);
  }
  return out;
}

function contentsMatch(contents: readonly ContentSpec[], buf: string, index: number, prevEnd: number | undefined): boolean {
  if (index >= contents.length) return true;
  const c = contents[index];
  const found = positions(c, buf, prevEnd);
  if (c.negated) return found.length === 0 && contentsMatch(contents, buf, index + 1, prevEnd);
  for (const p of found) if (contentsMatch(contents, buf, index + 1, p + c.pattern.length)) return true;
  return false;
}

function pcreMatch(p: BufferMatch['pcres'][number], buf: string): MatchResult {
  if (p.pattern === undefined) return { undetermined: `the pcre '${p.option.value?.text ?? ''}' could not be read` };
  const flags = p.flags ?? '';
  let js = '';
  for (const f of flags) {
    if (f === 'i' || f === 's' || f === 'm') js += f;
    else return { undetermined: `the pcre flag '${f}' is not simulated` };
  }
  let re: RegExp;
  try {
    re = new RegExp(p.pattern, js);
  } catch {
    return { undetermined: `the pcre /${p.pattern}/ uses syntax the simulator does not read` };
  }
  return re.test(buf) !== p.negated;
}

function bsizeMatch(option: RuleOption, length: number): MatchResult {
  const v = option.value?.text.trim() ?? '';
  let m = /^(\d+)$/.exec(v);
  if (m) return length === Number(m[1]);
  m = /^(<|>|<=|>=)\s*(\d+)$/.exec(v);
  if (m) {
    const n = Number(m[2]);
    return m[1] === '<' ? length < n : m[1] === '>' ? length > n : m[1] === '<=' ? length <= n : length >= n;
  }
  m = /^(\d+)\s*<>\s*(\d+)$/.exec(v);
  if (m) return length > Number(m[1]) && length < Number(m[2]);
  return { undetermined: `bsize:${v} is not simulated` };
}

/**
 * Whether a buffer value satisfies a rule's requirements on that buffer, as Suricata's content
 * inspection does (transforms first; offset/depth/startswith/endswith; distance/within relative to the
 * previous match, with backtracking; negated contents; pcre; bsize). `undefined` value: the buffer does
 * not exist on this packet, so the rule cannot match (even with only negated contents).
 */
export function matchBuffer(m: BufferMatch, value: string | undefined): MatchResult {
  if (value === undefined) return false;
  for (const c of m.contents) if (c.unsupported.length) return { undetermined: `the content modifier '${c.unsupported[0]}' is not simulated` };
  const buf = applyTransforms(value, m.transforms);
  if (typeof buf !== 'string') return buf;
  if (!contentsMatch(m.contents, buf, 0, undefined)) return false;
  for (const p of m.pcres) {
    const r = pcreMatch(p, buf);
    if (r !== true) return r;
  }
  for (const b of m.bsizes) {
    const r = bsizeMatch(b, buf.length);
    if (r !== true) return r;
  }
  return true;
}
