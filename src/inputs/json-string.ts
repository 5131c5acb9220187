import { DecodedStringBuilder, type DecodedString } from './decoded-string.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
};

/**
 * Decodes the JSON string literal at host `[start, end)` (including its quotes), mapping each decoded
 * unit to the host offset of the char or escape it came from. Malformed escapes are kept verbatim.
 */
export function decodeJsonString(host: string, start: number, end: number): DecodedString {
  const b = new DecodedStringBuilder();
  const contentEnd = end > start + 1 && host.charCodeAt(end - 1) === 34 ? end - 1 : end;
  let i = start + 1;
  let runStart = i;
  const flush = (to: number): void => {
    if (to > runStart) b.appendVerbatim(host.slice(runStart, to), runStart);
  };
  while (i < contentEnd) {
    if (host.charCodeAt(i) !== 92 /* \ */) {
      i++;
      continue;
    }
    flush(i);
    const c = host[i + 1];
    const simple = c === undefined ? undefined : SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      b.appendAt(simple, i);
      i += 2;
    } else if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(host.slice(i + 2, i + 6))) {
      b.appendAt(String.fromCharCode(parseInt(host.slice(i + 2, i + 6), 16)), i);
      i += 6;
    } else {
      b.appendVerbatim(host.slice(i, i + 1), i);
      i += 1;
    }
    runStart = i;
  }
  flush(contentEnd);
  return b.finish(contentEnd, encodeJsonStringContent);
}

/** Escapes `text` for the inside of a JSON string literal (no quotes added). */
export function encodeJsonStringContent(text: string): string {
  // JSON.stringify escapes exactly what JSON requires; strip its quotes.
  return JSON.stringify(text).slice(1, -1);
}
