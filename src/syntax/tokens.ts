import { createToken, Lexer, type TokenType } from 'chevrotain';

/*
 * The grammar's token types. Characters are scanned by lexer.ts (linear, in place); these types are
 * what the chevrotain parser matches on. Whitespace and `\`+newline continuations are trivia: they
 * never reach the parser and are recovered from the gaps between token ranges.
 */
const token = (name: string, label: string): TokenType => createToken({ name, pattern: Lexer.NA, label });

// Header
export const LBracket = token('LBracket', "'['");
export const RBracket = token('RBracket', "']'");
export const Comma = token('Comma', "','");
export const Bang = token('Bang', "'!'");
export const Arrow = token('Arrow', "'->'");
export const BothArrow = token('BothArrow', "'<>'");
export const TxArrow = token('TxArrow', "'=>'");
export const BackArrow = token('BackArrow', "'<-'");
/** A header word: action, protocol, address, port, `$VAR`, `@IPSET`. */
export const Word = token('Word', 'a word');

// Options
export const Semicolon = token('Semicolon', "';'");
export const Colon = token('Colon', "':'");
export const OptionName = token('OptionName', 'a keyword');
/** Everything up to the first `;` not preceded by `\` (quotes do not matter, as in Suricata). */
export const OptionValue = token('OptionValue', 'a value');
/** The `;` that ends a value. */
export const ValueEnd = token('ValueEnd', "';'");

export const allTokens: TokenType[] = [LBracket, RBracket, Comma, Bang, Arrow, BothArrow, TxArrow, BackArrow, Word, Semicolon, Colon, OptionName, OptionValue, ValueEnd];
