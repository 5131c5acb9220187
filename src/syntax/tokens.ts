/*
 * The grammar's token kinds, and the tokens lexer.ts emits. Plain data: nothing here loads chevrotain.
 * Well-formed rules are recognized from these tokens directly (fast-recognizer.ts); only a rule with a
 * syntax error reaches the chevrotain grammar (parser.ts), which maps each kind to a chevrotain token
 * type when it is first built. Whitespace and `\`+newline continuations are trivia: never emitted,
 * recoverable from the gaps between token ranges.
 */

/** A kind of token: `name` identifies it, `label` is how an error message would show it. */
export interface TokenKind {
  readonly name: string;
  readonly label: string;
}

/** A token of a rule header or of its options: the text `image` at `[startOffset, endOffset]` (inclusive end, chevrotain's convention). */
export interface LexToken {
  readonly image: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly tokenType: TokenKind;
}

const kind = (name: string, label: string): TokenKind => Object.freeze({ name, label });

// Header
export const LBracket = kind('LBracket', "'['");
export const RBracket = kind('RBracket', "']'");
export const Comma = kind('Comma', "','");
export const Bang = kind('Bang', "'!'");
export const Arrow = kind('Arrow', "'->'");
export const BothArrow = kind('BothArrow', "'<>'");
export const TxArrow = kind('TxArrow', "'=>'");
export const BackArrow = kind('BackArrow', "'<-'");
/** A header word: action, protocol, address, port, `$VAR`, `@IPSET`. */
export const Word = kind('Word', 'a word');

// Options
export const Semicolon = kind('Semicolon', "';'");
export const Colon = kind('Colon', "':'");
export const OptionName = kind('OptionName', 'a keyword');
/** Everything up to the first `;` not preceded by `\` (quotes do not matter, as in Suricata). */
export const OptionValue = kind('OptionValue', 'a value');
/** The `;` that ends a value. */
export const ValueEnd = kind('ValueEnd', "';'");

/** Every kind the lexer emits, in the grammar's vocabulary order. */
export const ALL_TOKEN_KINDS: readonly TokenKind[] = [LBracket, RBracket, Comma, Bang, Arrow, BothArrow, TxArrow, BackArrow, Word, Semicolon, Colon, OptionName, OptionValue, ValueEnd];

/** Where the grammar ran out of tokens (what a syntax error at the end of the input points at). */
export const END_OF_INPUT: LexToken = Object.freeze({ image: '', startOffset: NaN, endOffset: NaN, tokenType: kind('EOF', 'the end of the input') });
