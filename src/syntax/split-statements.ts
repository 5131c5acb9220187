import type { TextRange } from '../source/text-range.js';
import { isActionName } from '../catalog/actions.js';

/** A statement's place in the text before the rule grammar looks at it. */
export interface StatementSpan {
  readonly kind: 'blank' | 'comment' | 'rule';
  readonly layout: 'active' | 'disabled' | 'indented';
  readonly range: TextRange;
  readonly eol: TextRange;
  /** For rules: where the rule text starts (after `#` and spaces for disabled rules, after indentation). */
  readonly contentStart: number;
  readonly continuations: readonly TextRange[];
}

export interface SplitResult {
  readonly bom?: TextRange;
  readonly spans: StatementSpan[];
  readonly lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

const NO_CONTINUATIONS: readonly TextRange[] = Object.freeze([]);

/** A `(` in `[from, to)`; bounded, so comment lines never scan the rest of the file. */
function hasParenBefore(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 40) return true;
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 58;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/**
 * Splits a rules text into statements the way Suricata's loader reads it: one statement per line,
 * joined with following lines while it ends in `\`; lines starting with `#` are comments or disabled
 * rules; lines starting with space or tab are skipped by Suricata (kept here as `indented`).
 * Linear in the text length; every character belongs to exactly one span (or the BOM).
 */
export function splitStatements(text: string): SplitResult {
  const spans: StatementSpan[] = [];
  let pos = 0;
  let bom: TextRange | undefined;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = { start: 0, end: 1 };
    pos = 1;
  }
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  const n = text.length;

  // The physical line starting at p ends its content at `contentEnd` and its terminator at `eolEnd`.
  let contentEnd = 0;
  let eolEnd = 0;
  // Without any CR in the text, a line ends at the next LF (a native search).
  const hasCr = text.indexOf('\r') >= 0;
  const lineAt = (p: number): void => {
    let e = p;
    if (!hasCr) {
      e = text.indexOf('\n', p);
      if (e < 0) e = n;
    } else {
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c === 10 || c === 13) break;
        e++;
      }
    }
    contentEnd = e;
    if (e >= n) eolEnd = e;
    else if (text.charCodeAt(e) === 13) {
      if (text.charCodeAt(e + 1) === 10) {
        crlf++;
        eolEnd = e + 2;
      } else {
        cr++;
        eolEnd = e + 1;
      }
    } else {
      lf++;
      eolEnd = e + 1;
    }
  };

  while (pos < n) {
    const start = pos;
    lineAt(pos);
    // Classify by first character.
    let q = start;
    while (q < contentEnd && isBlankChar(text.charCodeAt(q))) q++;
    if (q === contentEnd) {
      spans.push({ kind: 'blank', layout: 'active', range: { start, end: contentEnd }, eol: { start: contentEnd, end: eolEnd }, contentStart: start, continuations: NO_CONTINUATIONS });
      pos = eolEnd;
      continue;
    }
    const first = text.charCodeAt(start);
    if (text.charCodeAt(q) === 35 /* # */) {
      // Comment, or a disabled rule: `#` + optional spaces + an action word + whitespace.
      let r = q + 1;
      while (r < contentEnd && isBlankChar(text.charCodeAt(r))) r++;
      let w = r;
      while (w < contentEnd && isWordChar(text.charCodeAt(w))) w++;
      const word = text.slice(r, w).split(':')[0];
      const isRule = q === start && w > r && w < contentEnd && isBlankChar(text.charCodeAt(w)) && isActionName(word) && hasParenBefore(text, w, contentEnd);
      spans.push({
        kind: isRule ? 'rule' : 'comment',
        layout: isRule ? 'disabled' : 'active',
        range: { start, end: contentEnd },
        eol: { start: contentEnd, end: eolEnd },
        contentStart: isRule ? r : q,
        continuations: NO_CONTINUATIONS,
      });
      pos = eolEnd;
      continue;
    }
    const layout = isBlankChar(first) ? 'indented' : 'active';
    // Rule: follow `\` continuations (the last non-blank character of the line is a backslash).
    let continuations: TextRange[] | undefined;
    for (;;) {
      let t = contentEnd;
      while (t > start && isBlankChar(text.charCodeAt(t - 1))) t--;
      if (t > start && text.charCodeAt(t - 1) === 92 && eolEnd > contentEnd) {
        (continuations ??= []).push({ start: t - 1, end: eolEnd });
        lineAt(eolEnd);
        continue;
      }
      break;
    }
    spans.push({ kind: 'rule', layout, range: { start, end: contentEnd }, eol: { start: contentEnd, end: eolEnd }, contentStart: q, continuations: continuations ?? NO_CONTINUATIONS });
    pos = eolEnd;
  }
  const kinds = (lf ? 1 : 0) + (crlf ? 1 : 0) + (cr ? 1 : 0);
  const lineEnding = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf ? 'lf' : crlf ? 'crlf' : 'cr';
  return { bom, spans, lineEnding };
}
