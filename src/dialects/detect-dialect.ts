import type { TextRange } from '../source/text-range.js';

/**
 * Firewall-mode syntax at the start of a rule line: the `accept` action (firewall rules only, Suricata
 * 8.0.x src/detect-parse.c: "'accept' action only supported for firewall rules"), or a scoped action
 * (possibly a multi-action list) followed by a `protocol:hook`. Commented-out lines (`#`) do not count.
 * A UTF-8 byte-order mark before the first line is skipped (byte-order-mark reports it), so a text and
 * any statement sliced from it agree on the dialect.
 */
const FIREWALL_LINE = /^\uFEFF?[ \t]*(?:accept(?=[:,\s])|[A-Za-z]+:[A-Za-z]+(?:,[A-Za-z:]+)*[ \t]+[A-Za-z0-9_-]+:<?[A-Za-z_])/m;

/**
 * Where the first firewall-mode rule of a rules text starts, or undefined when it has none. Linear in
 * the text (one anchored regex scan). Used to pick the firewall profile for a `.rules` file by content.
 */
export function findFirewallSyntax(text: string): TextRange | undefined {
  const m = FIREWALL_LINE.exec(text);
  if (!m) return undefined;
  let start = m.index;
  while (text.charCodeAt(start) === 0xfeff || text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 9 && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start, end };
}
