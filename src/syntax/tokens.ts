import { createToken, Lexer, type TokenType } from 'chevrotain';

/*
 * Token types. Whitespace and `\`+newline continuations go to the `trivia` group: the parser does
 * not see them, but they are kept (never SKIPPED), so the token stream covers every character.
 */

const CONTINUATION = /\\[ \t\v\f]*(?:\r\n|\n|\r)/;

export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\v\f\r\n]+/, group: 'trivia', line_breaks: true });
export const Continuation = createToken({ name: 'Continuation', pattern: CONTINUATION, group: 'trivia', line_breaks: true });

// Header
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
export const Bang = createToken({ name: 'Bang', pattern: '!', label: "'!'" });
export const Arrow = createToken({ name: 'Arrow', pattern: '->', label: "'->'" });
export const BothArrow = createToken({ name: 'BothArrow', pattern: '<>', label: "'<>'" });
export const TxArrow = createToken({ name: 'TxArrow', pattern: '=>', label: "'=>'" });
export const BackArrow = createToken({ name: 'BackArrow', pattern: '<-', label: "'<-'" });
/*
 * Custom matchers: plain linear scans. Regexes with alternation inside `+` (the obvious way to write
 * these tokens) overflow V8's regex stack on multi-megabyte values; these never backtrack.
 */
type Matcher = { exec: (text: string, offset: number) => RegExpExecArray | null };

function matcher(scan: (text: string, offset: number) => number): Matcher {
  return {
    exec(text, offset) {
      const end = scan(text, offset);
      if (end <= offset) return null;
      const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
      m.index = offset;
      return m;
    },
  };
}

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;

/** True when a `\` at `i` starts a line continuation (`\`, optional blanks, newline). */
function isContinuation(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 11 || text.charCodeAt(j) === 12)) j++;
  const c = text.charCodeAt(j);
  return c === 10 || c === 13;
}

function scanWord(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWs(c) || c === 91 /* [ */ || c === 93 /* ] */ || c === 44 /* , */ || c === 33 /* ! */) break;
    const next = text.charCodeAt(i + 1);
    if (c === 45 /* - */ && next === 62) break;
    if (c === 60 /* < */ && (next === 62 || next === 45)) break;
    if (c === 61 /* = */ && next === 62) break;
    if (c === 92 /* \ */ && isContinuation(text, i)) break;
    i++;
  }
  return i;
}

function scanOptionName(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWs(c) || c === 59 /* ; */ || c === 58 /* : */) break;
    if (c === 92 && isContinuation(text, i)) break;
    i++;
  }
  return i;
}

/** Up to the first `;` not preceded by `\` (Suricata's rule: quotes do not matter). */
function scanOptionValue(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const j = text.indexOf(';', i);
    if (j < 0) return n;
    if (j > 0 && text.charCodeAt(j - 1) === 92) {
      i = j + 1;
      continue;
    }
    return j;
  }
  return n;
}

/** A header word: action, protocol, address, port, `$VAR`, `@IPSET`; stops before `->`, `<>`, `=>`, `<-`. */
export const Word = createToken({ name: 'Word', pattern: matcher(scanWord), label: 'a word', line_breaks: false });

// Options
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';', label: "';'" });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: "':'", push_mode: 'value' });
export const OptionName = createToken({ name: 'OptionName', pattern: matcher(scanOptionName), label: 'a keyword' });
/** An option value: everything up to the first `;` not preceded by `\` (quotes do not matter, as in Suricata). */
export const OptionValue = createToken({ name: 'OptionValue', pattern: matcher(scanOptionValue), label: 'a value', line_breaks: true });
export const ValueEnd = createToken({ name: 'ValueEnd', pattern: ';', label: "';'", pop_mode: true });

export const headerTokens: TokenType[] = [Continuation, Whitespace, Arrow, BothArrow, TxArrow, BackArrow, LBracket, RBracket, Comma, Bang, Word];

export const allTokens: TokenType[] = [...headerTokens, Semicolon, Colon, OptionName, OptionValue, ValueEnd];

export const headerLexer = new Lexer(headerTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true });

export const optionsLexer = new Lexer(
  {
    modes: {
      options: [Continuation, Whitespace, Semicolon, Colon, OptionName],
      value: [ValueEnd, OptionValue],
    },
    defaultMode: 'options',
  },
  { positionTracking: 'onlyOffset', skipValidations: true },
);
