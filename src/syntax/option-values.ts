import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import type { ParseError, Token } from './tree.js';
import { lookupTable } from '../catalog/lookup-table.js';

/**
 * Structured values for the option keywords that checks need. Everything else keeps its raw text.
 * All ranges are absolute offsets into the source text.
 */
export type ParsedOptionValue =
  | ContentValue
  | PcreValue
  | QuotedStringValue
  | IntegerValue
  | FlowValue
  | SslStateValue
  | FlowbitsValue
  | MetadataValue
  | AppLayerProtocolValue;

export interface Item {
  readonly name: string;
  readonly negated: boolean;
  readonly range: { start: number; end: number };
}

export interface ContentValue {
  readonly kind: 'content';
  readonly negated: boolean;
  /** Decoded pattern: escapes resolved, hex bytes as chars 0-255. Undefined when invalid. */
  readonly pattern?: string;
  readonly hasHex: boolean;
  readonly errors: readonly ParseError[];
}

export interface PcreValue {
  readonly kind: 'pcre';
  readonly negated: boolean;
  readonly pattern?: string;
  readonly flags?: string;
  readonly errors: readonly ParseError[];
}

export interface QuotedStringValue {
  readonly kind: 'quoted-string';
  readonly quoted: boolean;
  readonly text: string;
  readonly errors: readonly ParseError[];
}

export interface IntegerValue {
  readonly kind: 'integer';
  readonly value?: number;
  readonly errors: readonly ParseError[];
}

export interface FlowValue {
  readonly kind: 'flow';
  readonly items: readonly Item[];
  readonly errors: readonly ParseError[];
}

export interface SslStateValue {
  readonly kind: 'ssl_state';
  readonly items: readonly Item[];
  readonly errors: readonly ParseError[];
}

export interface FlowbitsValue {
  readonly kind: 'flowbits';
  readonly command: string;
  /** Flowbit names; `a|b` (any) and `a&b` (all) split into items. */
  readonly names: readonly Item[];
  readonly errors: readonly ParseError[];
}

export interface MetadataValue {
  readonly kind: 'metadata';
  readonly entries: readonly { key: string; value: string }[];
  readonly errors: readonly ParseError[];
}

export interface AppLayerProtocolValue {
  readonly kind: 'app-layer-protocol';
  readonly negated: boolean;
  readonly protocol: string;
  readonly errors: readonly ParseError[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const PIPE = 124;

function err(start: number, end: number, message: string, hint?: string, expected?: string): ParseError {
  return { range: { start, end }, message, hint, expected };
}

/** Splits `text` (starting at absolute `base`) on any char in `seps`, trimming each item. */
function splitItems(text: string, base: number, seps: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i <= text.length) {
    let j = i;
    while (j < text.length && !seps.includes(text[j])) j++;
    let s = i;
    let e = j;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    let negated = false;
    let ns = s;
    if (text[ns] === '!') {
      negated = true;
      ns++;
      while (ns < e && /\s/.test(text[ns])) ns++;
    }
    items.push({ name: text.slice(ns, e), negated, range: { start: base + s, end: base + e } });
    i = j + 1;
  }
  return items;
}

/**
 * A value that starts with `"` but does not end with one. Suricata rejects it ("bad option value
 * formatting (possible missing semicolon)"): either text follows the closing quote (a missing `;`,
 * fixed by inserting one) or the quote is never closed.
 */
function unclosedQuote(value: string, start: number, end: number): ParseError {
  let close = 1;
  while (close < value.length && !(value.charCodeAt(close) === QUOTE && value.charCodeAt(close - 1) !== BACKSLASH)) close++;
  if (close < value.length) {
    return {
      ...err(start, end, 'text after the closing quote (possible missing semicolon)', 'end the option with ";" right after the closing quote', "';' after the closing quote"),
      fix: Fix.safe("Insert ';' after the closing quote", [Edit.insertAt(start + close + 1, ';')]),
    };
  }
  return err(start, end, 'the value opens a quote that is never closed', 'add the closing quote before ";"', "'\"' before ';'");
}

/** `content`-style string: `[!]"..."` with `|hex|` blocks and only `\;` `\"` `\\` `\:` escapes. */
export function parseContent(value: Token): ContentValue {
  const text = value.text;
  const base = value.range.start;
  const errors: ParseError[] = [];
  let i = 0;
  let negated = false;
  if (text.charCodeAt(0) === 33 /* ! */) {
    negated = true;
    i = 1;
    while (i < text.length && /\s/.test(text[i])) i++;
  }
  if (text.charCodeAt(i) !== QUOTE) {
    errors.push(
      err(base + i, base + text.length, 'content value must be double quoted', `write it as content:${negated ? '!' : ''}"${text.slice(i)}";`, 'a double-quoted string'),
    );
    return { kind: 'content', negated, hasHex: false, errors };
  }
  if (text.length - i < 2 || text.charCodeAt(text.length - 1) !== QUOTE) {
    return { kind: 'content', negated, hasHex: false, errors: [unclosedQuote(text.slice(i), base + i, base + text.length)] };
  }
  const end = text.length - 1;
  let out = '';
  let hex = false;
  let hexStart = 0;
  let nibble = '';
  let hasHex = false;
  for (let p = i + 1; p < end; p++) {
    const c = text.charCodeAt(p);
    if (hex) {
      if (c === PIPE) {
        if (nibble) {
          errors.push(err(base + hexStart, base + p + 1, `incomplete hex code in content: "${text.slice(hexStart, p + 1)}"`, 'hex bytes are pairs of digits, like |0d 0a|'));
          nibble = '';
        }
        hex = false;
        continue;
      }
      const ch = text[p];
      if (/[0-9a-fA-F]/.test(ch)) {
        nibble += ch;
        if (nibble.length === 2) {
          out += String.fromCharCode(parseInt(nibble, 16));
          nibble = '';
        }
      } else if (ch === ' ' || ch === ',' || ch === '\t') {
        if (nibble) {
          errors.push(err(base + hexStart, base + p + 1, `incomplete hex code in content: a lone hex digit "${nibble}"`, 'hex bytes are pairs of digits, like |0d 0a|'));
          nibble = '';
        }
      } else {
        errors.push(err(base + p, base + p + 1, `invalid hex code in content: "${ch}" is not a hex digit`, 'only 0-9, a-f, A-F and spaces may appear between | and |'));
      }
      continue;
    }
    if (c === PIPE) {
      hex = true;
      hasHex = true;
      hexStart = p;
      continue;
    }
    if (c === BACKSLASH) {
      const next = text[p + 1];
      if (p + 1 < end && (next === ';' || next === '"' || next === '\\' || next === ':')) {
        out += next;
        p++;
        continue;
      }
      errors.push(
        err(base + p, base + Math.min(p + 2, end), `"\\${next ?? ''}" is not a valid escape in content`, 'only \\; \\" \\\\ and \\: are escapes; write other bytes as hex, e.g. |5c| for a backslash'),
      );
      continue;
    }
    if (c === QUOTE) {
      errors.push(err(base + p, base + p + 1, 'unescaped double quote inside content', 'escape it as \\" or write it as |22|'));
      continue;
    }
    out += text[p];
  }
  if (hex) {
    errors.push(err(base + hexStart, base + end, 'unterminated hex block in content: missing closing "|"', 'close the hex block with |'));
  }
  return { kind: 'content', negated, pattern: errors.length ? undefined : out, hasHex, errors };
}

/** `pcre:[!]"/regex/flags"`. */
export function parsePcre(value: Token): PcreValue {
  const text = value.text;
  const base = value.range.start;
  let i = 0;
  let negated = false;
  if (text[0] === '!') {
    negated = true;
    i = 1;
  }
  let body = text.slice(i);
  let bodyStart = i;
  if (body.startsWith('"')) {
    if (body.length < 2 || !body.endsWith('"')) {
      return { kind: 'pcre', negated, errors: [unclosedQuote(body, base + i, base + text.length)] };
    }
    body = body.slice(1, -1);
    bodyStart++;
  }
  const open = body.indexOf('/');
  const close = body.lastIndexOf('/');
  // Structural checks are left to the engine: Suricata 7 accepts forms such as "^/x/G, flow:v".
  if (open < 0 || close <= open) return { kind: 'pcre', negated, errors: [] };
  return { kind: 'pcre', negated, pattern: body.slice(open + 1, close), flags: body.slice(close + 1), errors: [] };
}

/** `msg:"..."` and other quoted strings; escapes `\x` resolve to `x`. */
export function parseQuotedString(value: Token): QuotedStringValue {
  const text = value.text;
  const base = value.range.start;
  if (!text.startsWith('"')) return { kind: 'quoted-string', quoted: false, text, errors: [] };
  if (text.length < 2 || !text.endsWith('"')) {
    return { kind: 'quoted-string', quoted: true, text: text.slice(1), errors: [unclosedQuote(text, base, base + text.length)] };
  }
  return { kind: 'quoted-string', quoted: true, text: text.slice(1, -1).replace(/\\(.)/g, '$1'), errors: [] };
}

/**
 * `sid`, `rev`, `gid`, `priority`: the number when the value is plain digits. Never an error here: whether
 * Suricata accepts the value (`sid: 5`, `rev:99999999999999999999`, `priority:"3"`) is the keyword's value
 * grammar (catalog/value-grammars.ts, keyword-value-invalid).
 */
export function parseInteger(value: Token): IntegerValue {
  const t = value.text;
  return /^[0-9]{1,15}$/.test(t) ? { kind: 'integer', value: Number(t), errors: [] } : { kind: 'integer', errors: [] };
}

export function parseFlow(value: Token): FlowValue {
  return { kind: 'flow', items: splitItems(value.text, value.range.start, ','), errors: [] };
}

export function parseSslState(value: Token): SslStateValue {
  return { kind: 'ssl_state', items: splitItems(value.text, value.range.start, '|,'), errors: [] };
}

export function parseFlowbits(value: Token): FlowbitsValue {
  const text = value.text;
  const comma = text.indexOf(',');
  const command = (comma < 0 ? text : text.slice(0, comma)).trim().toLowerCase();
  if (comma < 0) return { kind: 'flowbits', command, names: [], errors: [] };
  const names = splitItems(text.slice(comma + 1), value.range.start + comma + 1, '|&');
  return { kind: 'flowbits', command, names, errors: [] };
}

export function parseMetadata(value: Token): MetadataValue {
  const entries = value.text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const sp = s.search(/\s/);
      return sp < 0 ? { key: s, value: '' } : { key: s.slice(0, sp), value: s.slice(sp).trim() };
    });
  return { kind: 'metadata', entries, errors: [] };
}

export function parseAppLayerProtocol(value: Token): AppLayerProtocolValue {
  let t = value.text.trim();
  const negated = t.startsWith('!');
  if (negated) t = t.slice(1).trim();
  const comma = t.indexOf(',');
  return { kind: 'app-layer-protocol', negated, protocol: (comma < 0 ? t : t.slice(0, comma)).trim().toLowerCase(), errors: [] };
}

/** Keyword name (lower-cased, canonical or alias) -> value parser. Data, not an if-chain. */
export const OPTION_VALUE_PARSERS: Readonly<Record<string, (value: Token) => ParsedOptionValue>> = lookupTable({
  content: parseContent,
  uricontent: parseContent,
  pcre: parsePcre,
  msg: parseQuotedString,
  sid: parseInteger,
  rev: parseInteger,
  gid: parseInteger,
  priority: parseInteger,
  flow: parseFlow,
  ssl_state: parseSslState,
  flowbits: parseFlowbits,
  metadata: parseMetadata,
  'app-layer-protocol': parseAppLayerProtocol,
});
