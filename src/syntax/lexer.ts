import {
  Arrow, BackArrow, Bang, BothArrow, Colon, Comma, LBracket, OptionName, OptionValue, RBracket, Semicolon, TxArrow, ValueEnd, Word,
  type LexToken, type TokenKind,
} from './tokens.js';

/*
 * Hand-written lexers for the rule grammar. They scan the source text in place (absolute offsets, no
 * slicing), in one linear pass, and produce our own LexToken records (tokens.ts), which the fast
 * recognizer reads directly and the chevrotain grammar (parser.ts) maps to its token types only for a
 * rule with a syntax error. The generic chevrotain lexer cost ~60 us per rule here, and regex
 * alternations overflow V8's regex stack on multi-megabyte values. Whitespace and `\`+newline
 * continuations are trivia: not emitted, recoverable from the gaps between tokens.
 */

export interface LexError {
  readonly offset: number;
  readonly length: number;
}

function token(type: TokenKind, text: string, start: number, end: number): LexToken {
  return { image: text.slice(start, end), startOffset: start, endOffset: end - 1, tokenType: type };
}

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;

/** Length of a `\`+blanks+newline continuation at `i`, or 0. */
export function continuationLength(text: string, i: number, end: number): number {
  if (text.charCodeAt(i) !== 92) return 0;
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 11 || c === 12) j++;
    else break;
  }
  const c = text.charCodeAt(j);
  if (j >= end) return 0;
  if (c === 13) return text.charCodeAt(j + 1) === 10 && j + 1 < end ? j + 2 - i : j + 1 - i;
  if (c === 10) return j + 1 - i;
  return 0;
}

/** The offset of the next non-trivia character (whitespace and `\`+newline continuations skipped). */
export function skipTrivia(text: string, i: number, end: number): number {
  while (i < end) {
    if (isWs(text.charCodeAt(i))) i++;
    else {
      const cont = continuationLength(text, i, end);
      if (!cont) break;
      i += cont;
    }
  }
  return i;
}

/** Tokens of a rule header in `[start, end)`. */
export function lexHeader(text: string, start: number, end: number): LexToken[] {
  const out: LexToken[] = [];
  let i = start;
  while ((i = skipTrivia(text, i, end)) < end) {
    const c = text.charCodeAt(i);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    let type: TokenKind | undefined;
    let len = 1;
    if (c === 91) type = LBracket;
    else if (c === 93) type = RBracket;
    else if (c === 44) type = Comma;
    else if (c === 33) type = Bang;
    else if (c === 45 && next === 62) (type = Arrow), (len = 2);
    else if (c === 60 && next === 62) (type = BothArrow), (len = 2);
    else if (c === 60 && next === 45) (type = BackArrow), (len = 2);
    else if (c === 61 && next === 62) (type = TxArrow), (len = 2);
    if (type) {
      out.push(token(type, text, i, i + len));
      i += len;
      continue;
    }
    let j = i;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isWs(d) || d === 91 || d === 93 || d === 44 || d === 33) break;
      const e = j + 1 < end ? text.charCodeAt(j + 1) : -1;
      if ((d === 45 && e === 62) || (d === 60 && (e === 62 || e === 45)) || (d === 61 && e === 62)) break;
      if (d === 92 && continuationLength(text, j, end)) break;
      j++;
    }
    if (j === i) j = i + 1; // a lone '<', '-' or '=' that starts no arrow: one-character word
    out.push(token(Word, text, i, j));
    i = j;
  }
  return out;
}

/**
 * Tokens of a rule's options in `[start, end)`: `name`, `:`, value, `;`. A value runs to the first `;`
 * not preceded by `\`, whatever quotes it contains (Suricata's own rule).
 */
export function lexOptions(text: string, start: number, end: number): LexToken[] {
  const out: LexToken[] = [];
  let i = start;
  while ((i = skipTrivia(text, i, end)) < end) {
    const c = text.charCodeAt(i);
    if (c === 59) {
      out.push(token(Semicolon, text, i, i + 1));
      i++;
      continue;
    }
    if (c === 58) {
      out.push(token(Colon, text, i, i + 1));
      i++;
      // The value: up to the first unescaped ';'.
      let j = i;
      for (;;) {
        const k = text.indexOf(';', j);
        if (k < 0 || k >= end) {
          j = end;
          break;
        }
        if (k > 0 && text.charCodeAt(k - 1) === 92) {
          j = k + 1;
          continue;
        }
        j = k;
        break;
      }
      if (j > i) out.push(token(OptionValue, text, i, j));
      if (j < end) {
        out.push(token(ValueEnd, text, j, j + 1));
        i = j + 1;
      } else i = end;
      continue;
    }
    let j = i;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isWs(d) || d === 59 || d === 58) break;
      if (d === 92 && continuationLength(text, j, end)) break;
      j++;
    }
    out.push(token(OptionName, text, i, j));
    i = j;
  }
  return out;
}
