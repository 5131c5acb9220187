import type { TextRange } from '../source/text-range.js';
import { appendEscape, DecodedStringBuilder, type DecodedString } from './decoded-string.js';
import { lookupTable } from '../catalog/lookup-table.js';

const QUOTED_ESCAPES: Readonly<Record<string, string>> = lookupTable({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' });
const HEX_ESCAPES: Readonly<Record<string, number>> = lookupTable({ u: 4, U: 8 });

/** Decodes HCL template literal text in host `[from, to)`; `quoted` enables backslash escapes. */
function decodeLiteral(b: DecodedStringBuilder, host: string, from: number, to: number, quoted: boolean): void {
  let i = from;
  let run = from;
  const flush = (): void => {
    if (i > run) b.appendVerbatim(host.slice(run, i), run);
  };
  while (i < to) {
    const c = host[i];
    const pair = host.slice(i, i + 3);
    if (pair === '$${' || pair === '%%{') {
      flush();
      b.appendAt(pair.slice(1), i);
      i += 3;
      run = i;
    } else if (quoted && c === '\\') {
      flush();
      i = appendEscape(b, host, i, QUOTED_ESCAPES, HEX_ESCAPES);
      run = i;
    } else {
      i++;
    }
  }
  flush();
}

/** Decodes `[from, to)` where `templates` (sorted host ranges of `${...}`/`%{...}`) are kept verbatim and unresolved. */
function decodeSpan(b: DecodedStringBuilder, host: string, from: number, to: number, templates: readonly TextRange[], quoted: boolean): void {
  let p = from;
  for (const t of templates) {
    if (t.end <= p || t.start >= to) continue;
    decodeLiteral(b, host, p, Math.max(p, t.start), quoted);
    const s = Math.max(p, t.start);
    const e = Math.min(to, t.end);
    b.appendUnresolved(host.slice(s, e), s);
    p = e;
  }
  decodeLiteral(b, host, p, to, quoted);
}

function escapeTemplates(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** Decodes the inside `[from, to)` of an HCL quoted string. */
export function decodeHclQuoted(host: string, from: number, to: number, templates: readonly TextRange[]): DecodedString {
  const b = new DecodedStringBuilder();
  decodeSpan(b, host, from, to, templates, true);
  return b.finish(to, (text) =>
    escapeTemplates(text).replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c),
  );
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Decodes heredoc content `[from, to)` (from the line after `<<EOF` up to the start of the closing marker's line).
 * For `<<-` (flush) heredocs, removes the smallest leading whitespace of the non-blank lines as HCL does:
 * whitespace-only lines are ignored for the count and left as they are; a line starting with an interpolation counts 0.
 */
export function decodeHclHeredoc(host: string, from: number, to: number, templates: readonly TextRange[], flush: boolean, marker: string): DecodedString {
  const lines: { start: number; end: number; blank: boolean; spaces: number }[] = [];
  for (let p = from; p < to; ) {
    const nl = host.indexOf('\n', p);
    const end = nl < 0 || nl >= to ? to : nl + 1;
    let s = p;
    while (s < end && isSpace(host[s])) s++;
    const blank = /^[ \t\r]*\n?$/.test(host.slice(p, end)) && end > p && host[end - 1] === '\n';
    lines.push({ start: p, end, blank, spaces: s - p });
    p = end;
  }
  const counted = lines.filter((l) => !l.blank);
  const strip = flush && counted.length > 0 ? Math.min(...counted.map((l) => l.spaces)) : 0;
  const first = counted[0];
  const indent = first ? host.slice(first.start, first.start + strip) : '';
  const b = new DecodedStringBuilder();
  for (const line of lines) {
    const skip = line.blank ? 0 : Math.min(strip, line.spaces);
    decodeSpan(b, host, line.start + skip, line.end, templates, false);
  }
  const lineBreak = host.slice(from, to).includes('\r\n') ? '\r\n' : '\n';
  return b.finish(to, (text) => {
    if (text.split(/\r?\n/).some((l) => l.trim() === marker)) return undefined;
    return escapeTemplates(text).replace(/\r?\n/g, lineBreak + indent);
  });
}
