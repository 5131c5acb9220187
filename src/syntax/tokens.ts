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
/** A header word: action, protocol, address, port, `$VAR`, `@IPSET`; stops before `->`, `<>`, `=>`, `<-`. */
export const Word = createToken({
  name: 'Word',
  pattern: /(?:[^\s\[\],!<>=\\-]|-(?!>)|<(?![>-])|=(?!>)|>|\\(?![ \t\v\f]*[\r\n]))+/,
  label: 'a word',
});

// Options
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';', label: "';'" });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: "':'", push_mode: 'value' });
export const OptionName = createToken({ name: 'OptionName', pattern: /(?:[^\s;:\\]|\\(?![ \t\v\f]*[\r\n]))+/, label: 'a keyword' });
/** An option value: everything up to the first `;` not preceded by `\` (quotes do not matter, as in Suricata). */
export const OptionValue = createToken({ name: 'OptionValue', pattern: /(?:\\;|[^;])+/, label: 'a value', line_breaks: true });
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
