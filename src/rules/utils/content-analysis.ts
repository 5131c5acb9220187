import type { ContentValue } from '../../syntax/option-values.js';
import type { RuleOption, RuleStatement } from '../../syntax/tree.js';
import { computeKeywords, ruleKeywords, type RuleKeywords } from './rule-options.js';
import { lookupTable } from '../../catalog/lookup-table.js';

/** Legacy content modifiers that move the preceding content into an HTTP buffer, and that buffer's sticky name. */
export const LEGACY_BUFFER_MODIFIERS: Readonly<Record<string, string>> = lookupTable({
  http_uri: 'http.uri',
  http_raw_uri: 'http.uri.raw',
  http_header: 'http.header',
  http_raw_header: 'http.header.raw',
  http_cookie: 'http.cookie',
  http_method: 'http.method',
  http_client_body: 'http.request_body',
  http_server_body: 'http.response_body',
  http_host: 'http.host',
  http_raw_host: 'http.host.raw',
  http_stat_code: 'http.stat_code',
  http_stat_msg: 'http.stat_msg',
  http_user_agent: 'http.user_agent',
});

/** The packet payload (no sticky buffer): Suricata's "pmatch" list. */
export const PAYLOAD = 'payload';

export interface ContentEntry {
  readonly option: RuleOption;
  /** Index of the option in `rule.options`. */
  readonly index: number;
  readonly negated: boolean;
  /** Decoded pattern, when the content parsed. */
  readonly pattern?: string;
  /** Canonical sticky buffer name, or `payload`. */
  buffer: string;
  /** The sticky buffer option in effect, if any. */
  readonly bufferOption?: RuleOption;
  /** Content modifiers bound to this content, in rule order. */
  readonly modifiers: RuleOption[];
  /** Canonical keyword name of each modifier, parallel to `modifiers`. */
  readonly modifierNames: string[];
  /** Transforms applied to the buffer this content inspects. */
  readonly transforms: readonly RuleOption[];
}

export interface MisplacedTransform {
  readonly transform: RuleOption;
  /** The sticky buffer the transform tried to modify (absent: none active). */
  readonly buffer?: RuleOption;
  /** The first match option already added to that buffer. */
  readonly after?: RuleOption;
}

export interface BufferedOption {
  readonly option: RuleOption;
  readonly buffer: string;
  readonly bufferOption?: RuleOption;
}

export interface ContentAnalysis {
  readonly contents: readonly ContentEntry[];
  /** Content modifiers that appear before any content. */
  readonly orphanModifiers: readonly RuleOption[];
  readonly misplacedTransforms: readonly MisplacedTransform[];
  /** pcre options with the buffer they inspect. */
  readonly pcres: readonly BufferedOption[];
  /** bsize options with their buffer. */
  readonly bsizes: readonly BufferedOption[];
}

/** Shared by every content without transforms (the usual case): one empty list, not one per content. */
const NO_TRANSFORMS: readonly RuleOption[] = Object.freeze([]);

/** The empty list every absent part of an analysis shares. */
const NONE: readonly never[] = Object.freeze([]);
/** The analysis of a rule without contents, modifiers, transforms, pcre or bsize. */
const NOTHING: ContentAnalysis = Object.freeze({ contents: NONE, orphanModifiers: NONE, misplacedTransforms: NONE, pcres: NONE, bsizes: NONE });

/**
 * Walks a rule's options the way Suricata's parser does: sticky buffers, transforms, contents and their
 * modifiers. Lint rules read `facts.contents` (computed once per statement) instead.
 */
export function analyzeContents(rule: RuleStatement): ContentAnalysis {
  return compute(rule);
}

/**
 * `analyzeContents` with the rule's keywords when the caller has them (RuleFacts.contents keeps the result per statement); `keywords` are the
 * rule's catalog entries and canonical names, computed here when not given.
 */
export function computeContents(rule: RuleStatement, keywords: RuleKeywords = computeKeywords(rule)): ContentAnalysis {
  return compute(rule, keywords);
}

function compute(rule: RuleStatement, keywords: RuleKeywords = ruleKeywords(rule)): ContentAnalysis {
  // Allocated on first use: many rules have no contents, and pcre, bsize or a misplaced modifier are rare.
  let contents: ContentEntry[] | undefined;
  let orphanModifiers: RuleOption[] | undefined;
  let misplacedTransforms: MisplacedTransform[] | undefined;
  let pcres: BufferedOption[] | undefined;
  let bsizes: BufferedOption[] | undefined;
  // `transforms` is created with the buffer's first transform (a content after it closes the list: later ones are misplaced).
  let buffer: { name: string; option: RuleOption; transforms?: RuleOption[]; firstMatch?: RuleOption } | undefined;
  let last: ContentEntry | undefined;
  const { infos, names } = keywords;
  const options = rule.options;
  for (let index = 0; index < options.length; index++) {
    const option = options[index];
    const info = infos[index];
    const name = names[index];
    if (name === 'content' || name === 'uricontent') {
      const parsed = option.parsed?.kind === 'content' ? (option.parsed as ContentValue) : undefined;
      const inUri = name === 'uricontent';
      last = {
        option,
        index,
        negated: parsed?.negated ?? false,
        pattern: parsed?.pattern,
        buffer: inUri ? 'http.uri' : (buffer?.name ?? PAYLOAD),
        bufferOption: inUri ? undefined : buffer?.option,
        modifiers: [],
        modifierNames: [],
        transforms: inUri ? NO_TRANSFORMS : (buffer?.transforms ?? NO_TRANSFORMS),
      };
      (contents ??= []).push(last);
      if (buffer && !inUri) buffer.firstMatch ??= option;
      continue;
    }
    if (!info) continue;
    if (info.kind === 'sticky-buffer') {
      buffer = name === 'pkt_data' ? undefined : { name, option, transforms: undefined, firstMatch: undefined };
      continue;
    }
    if (info.kind === 'transform') {
      if (!buffer || buffer.firstMatch) (misplacedTransforms ??= []).push({ transform: option, buffer: buffer?.option, after: buffer?.firstMatch });
      else (buffer.transforms ??= []).push(option);
      continue;
    }
    if (info.kind === 'content-modifier') {
      // With a sticky buffer active, Suricata binds the modifier to the last content of that buffer.
      const target = buffer ? (contents && lastIn(contents, buffer.name)) : last;
      if (!target) {
        (orphanModifiers ??= []).push(option);
        continue;
      }
      target.modifiers.push(option);
      target.modifierNames.push(name);
      const moved = LEGACY_BUFFER_MODIFIERS[name];
      if (moved) target.buffer = moved;
      continue;
    }
    if (name === 'pcre') (pcres ??= []).push({ option, buffer: buffer?.name ?? PAYLOAD, bufferOption: buffer?.option });
    if (name === 'bsize') (bsizes ??= []).push({ option, buffer: buffer?.name ?? PAYLOAD, bufferOption: buffer?.option });
    if (buffer && info.kind === 'payload') buffer.firstMatch ??= option;
  }
  if (!contents && !orphanModifiers && !misplacedTransforms && !pcres && !bsizes) return NOTHING;
  return { contents: contents ?? NONE, orphanModifiers: orphanModifiers ?? NONE, misplacedTransforms: misplacedTransforms ?? NONE, pcres: pcres ?? NONE, bsizes: bsizes ?? NONE };
}

function lastIn(contents: readonly ContentEntry[], buffer: string): ContentEntry | undefined {
  for (let i = contents.length - 1; i >= 0; i--) if (contents[i].buffer === buffer) return contents[i];
  return undefined;
}

/** The modifiers of `entry` with canonical name `name`. */
export function modifiersNamed(entry: ContentEntry, name: string): RuleOption[] {
  const out: RuleOption[] = [];
  for (let i = 0; i < entry.modifiers.length; i++) if (entry.modifierNames[i] === name) out.push(entry.modifiers[i]);
  return out;
}
