import { appendEscape, DecodedStringBuilder, type DecodedString } from './decoded-string.js';
import { lookupTable } from '../catalog/lookup-table.js';

export type YamlScalarStyle = 'BLOCK_LITERAL' | 'BLOCK_FOLDED' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'PLAIN';

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Offset just past the line break starting at `i` (handles \r\n, \n, \r). */
function afterBreak(host: string, i: number): number {
  return host[i] === '\r' && host[i + 1] === '\n' ? i + 2 : i + 1;
}

function lineBreakOf(host: string): string {
  return host.includes('\r\n') ? '\r\n' : '\n';
}

interface BlockLine {
  readonly start: number;
  /** Offset of the line break (or of the block's end on the last line). */
  readonly breakAt: number;
  readonly hasBreak: boolean;
}

function blockLines(host: string, from: number, end: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let p = from;
  while (p < end) {
    let q = p;
    while (q < end && !isBreak(host[q])) q++;
    lines.push({ start: p, breakAt: q, hasBreak: q < host.length && isBreak(host[q]) });
    p = q < end ? afterBreak(host, q) : q;
  }
  return lines;
}

function leadingSpaces(host: string, start: number, end: number): number {
  let n = 0;
  while (start + n < end && host[start + n] === ' ') n++;
  return n;
}

/**
 * Decodes a `|` or `>` block scalar whose header starts at `start` and whose value ends at `end`
 * (the `yaml` package's node.range[0..1]). Content chars map to their host char; line breaks and
 * folding spaces map to the host line break they come from.
 */
export function decodeBlockScalar(host: string, start: number, end: number): DecodedString {
  const folded = host[start] === '>';
  let p = start + 1;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  let explicit = 0;
  while (p < end && /[-+1-9]/.test(host[p])) {
    if (host[p] === '-') chomp = 'strip';
    else if (host[p] === '+') chomp = 'keep';
    else explicit = Number(host[p]);
    p++;
  }
  while (p < host.length && !isBreak(host[p])) p++;
  const contentStart = p < host.length ? afterBreak(host, p) : p;
  const lines = blockLines(host, contentStart, Math.max(end, contentStart));
  let headerLineStart = start;
  while (headerLineStart > 0 && !isBreak(host[headerLineStart - 1])) headerLineStart--;
  const firstContent = lines.find((l) => leadingSpaces(host, l.start, l.breakAt) < l.breakAt - l.start);
  const indent = explicit > 0
    ? leadingSpaces(host, headerLineStart, start) + explicit
    : firstContent
      ? leadingSpaces(host, firstContent.start, firstContent.breakAt)
      : Math.max(0, ...lines.map((l) => l.breakAt - l.start)); // only blank lines: all of them are empty

  const b = new DecodedStringBuilder();
  let breaks = 0;
  let breakAt = contentStart;
  let started = false;
  let prevMore = false;
  let lastBreakAt = contentStart;
  const leading: number[] = []; // empty lines before the first content line: kept only if content follows (or `+`)
  for (const line of lines) {
    const spaces = leadingSpaces(host, line.start, line.breakAt);
    const isEmpty = spaces <= indent && spaces === line.breakAt - line.start;
    if (isEmpty) {
      if (!started) leading.push(line.start);
      else breaks++;
      continue;
    }
    if (!started) for (const at of leading.splice(0)) b.appendAt('\n', at);
    const contentAt = line.start + Math.min(indent, spaces);
    const more = isBlank(host[contentAt]);
    if (started) {
      const sep = !folded || prevMore || more ? '\n'.repeat(breaks) : breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
      b.appendAt(sep, breakAt);
    }
    b.appendVerbatim(host.slice(contentAt, line.breakAt), contentAt);
    started = true;
    prevMore = more;
    breaks = line.hasBreak ? 1 : 0;
    breakAt = line.breakAt;
    lastBreakAt = line.breakAt;
  }
  if (started && chomp === 'clip' && breaks > 0) b.appendAt('\n', lastBreakAt);
  if (started && chomp === 'keep') b.appendAt('\n'.repeat(breaks), lastBreakAt);
  if (!started && chomp === 'keep') for (const at of leading) b.appendAt('\n', at);
  const lineBreak = lineBreakOf(host);
  const encode = (text: string): string | undefined => {
    if (!/[\r\n]/.test(text)) return text;
    if (folded) return undefined;
    return text.replace(/\r?\n/g, lineBreak + ' '.repeat(indent));
  };
  return b.finish(started ? lastBreakAt : contentStart, encode);
}

const DOUBLE_ESCAPES: Readonly<Record<string, string>> = lookupTable({
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
});
const HEX_ESCAPES: Readonly<Record<string, number>> = lookupTable({ x: 2, u: 4, U: 8 });

/**
 * Decodes a flow scalar (double-quoted, single-quoted or plain) at host `[start, end)` (quotes included),
 * applying YAML line folding: a line break plus surrounding blanks becomes one space, each empty line a '\n'.
 */
export function decodeFlowScalar(host: string, start: number, end: number, style: YamlScalarStyle): DecodedString {
  const quoted = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE';
  const from = quoted ? start + 1 : start;
  const to = quoted ? Math.max(from, end - 1) : end;
  const b = new DecodedStringBuilder();
  let i = from;
  // Folds the line break at `i`: returns where the next line's content starts.
  const fold = (at: number, joinWithSpace: boolean): number => {
    let p = afterBreak(host, at);
    let empties = 0;
    for (;;) {
      let q = p;
      while (q < to && isBlank(host[q])) q++;
      if (q < to && isBreak(host[q])) {
        empties++;
        p = afterBreak(host, q);
        continue;
      }
      p = q;
      break;
    }
    b.appendAt(empties > 0 ? '\n'.repeat(empties) : joinWithSpace ? ' ' : '', at);
    return p;
  };
  while (i < to) {
    const c = host[i];
    if (isBlank(c)) {
      let q = i;
      while (q < to && isBlank(host[q])) q++;
      if (q < to && isBreak(host[q])) i = q; // trailing blanks before a line break are dropped
      else {
        b.appendVerbatim(host.slice(i, q), i);
        i = q;
      }
      continue;
    }
    if (isBreak(c)) {
      i = fold(i, true);
      continue;
    }
    if (style === 'QUOTE_SINGLE' && c === "'" && host[i + 1] === "'") {
      b.appendAt("'", i);
      i += 2;
      continue;
    }
    if (style === 'QUOTE_DOUBLE' && c === '\\') {
      const e = host[i + 1];
      if (isBreak(e)) {
        i = fold(i + 1, false);
        continue;
      }
      i = appendEscape(b, host, i, DOUBLE_ESCAPES, HEX_ESCAPES);
      continue;
    }
    b.appendVerbatim(c, i);
    i++;
  }
  return b.finish(to, FLOW_ENCODERS[style] ?? (() => undefined));
}

const FLOW_ENCODERS: Partial<Record<YamlScalarStyle, (text: string) => string | undefined>> = {
  QUOTE_DOUBLE: (text) => JSON.stringify(text).slice(1, -1),
  QUOTE_SINGLE: (text) => (/[\r\n]/.test(text) ? undefined : text.split("'").join("''")),
  PLAIN: (text) => (/[\r\n]|: | #|:$/.test(text) ? undefined : text),
};

export function decodeYamlScalar(host: string, start: number, end: number, style: YamlScalarStyle): DecodedString {
  return style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED'
    ? decodeBlockScalar(host, start, end)
    : decodeFlowScalar(host, start, end, style);
}
