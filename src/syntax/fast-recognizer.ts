import type { RawHeader, RawList, RawOption } from './parser.js';
import { Arrow, BackArrow, Bang, BothArrow, Colon, Comma, LBracket, OptionName, OptionValue, RBracket, Semicolon, TxArrow, ValueEnd, Word, type LexToken } from './tokens.js';

/*
 * A direct recognizer for the grammar in parser.ts, for token streams the grammar accepts as a whole.
 * It builds exactly the records the chevrotain parser builds (same fields, same token objects) and
 * returns undefined at the first token the grammar would not accept, so every input with a syntax
 * error still goes through chevrotain and gets its error messages. Well-formed rules (nearly all of
 * them) skip the chevrotain machinery, and a run whose rules all parse never loads chevrotain.
 */

const DIRECTIONS = new Set([Arrow, BothArrow, TxArrow, BackArrow]);

/** `list := '!'* ( Word | '[' (list (',' list)*)? ']' )`, from tokens[i]; the next index, or -1. */
function list(tokens: LexToken[], i: number, out: RawList[]): number {
  const node: RawList = { bangs: [] };
  while (i < tokens.length && tokens[i].tokenType === Bang) node.bangs.push(tokens[i++]);
  const t = tokens[i];
  if (!t) return -1;
  if (t.tokenType === Word) {
    node.word = t;
    out.push(node);
    return i + 1;
  }
  if (t.tokenType !== LBracket) return -1;
  node.open = t;
  node.items = [];
  i++;
  const first = tokens[i];
  if (first && (first.tokenType === Bang || first.tokenType === Word || first.tokenType === LBracket)) {
    i = list(tokens, i, node.items);
    if (i < 0) return -1;
    while (i < tokens.length && tokens[i].tokenType === Comma) {
      i = list(tokens, i + 1, node.items);
      if (i < 0) return -1;
    }
  }
  if (tokens[i]?.tokenType !== RBracket) return -1;
  node.close = tokens[i];
  out.push(node);
  return i + 1;
}

/** `field := list (',' list)*`: one list, or an unbracketed comma group. */
function field(tokens: LexToken[], i: number, out: RawList[]): number {
  const items: RawList[] = [];
  i = list(tokens, i, items);
  if (i < 0) return -1;
  while (i < tokens.length && tokens[i].tokenType === Comma) {
    i = list(tokens, i + 1, items);
    if (i < 0) return -1;
  }
  out.push(items.length === 1 ? items[0] : { bangs: [], items });
  return i;
}

/** The header records chevrotain would build, or undefined when the tokens are not a whole valid header. */
export function recognizeHeader(tokens: LexToken[]): RawHeader | undefined {
  if (tokens.length < 7 || tokens[0].tokenType !== Word) return undefined;
  // `actions := Word (',' Word)*`
  let a = 1;
  let moreActions: LexToken[] | undefined;
  while (tokens[a]?.tokenType === Comma) {
    if (tokens[a + 1]?.tokenType !== Word) return undefined;
    (moreActions ??= []).push(tokens[a + 1]);
    a += 2;
  }
  if (tokens[a]?.tokenType !== Word) return undefined;
  const protocol = tokens[a];
  const lists: RawList[] = [];
  let i = field(tokens, a + 1, lists);
  if (i >= 0) i = field(tokens, i, lists);
  if (i < 0 || i >= tokens.length || !DIRECTIONS.has(tokens[i].tokenType)) return undefined;
  const direction = tokens[i];
  i = field(tokens, i + 1, lists);
  if (i >= 0) i = field(tokens, i, lists);
  if (i !== tokens.length) return undefined;
  const header: RawHeader = { lists, field: 'end of header', action: tokens[0], protocol, direction };
  if (moreActions) header.moreActions = moreActions;
  return header;
}

/** `options := ( OptionName ( ':' OptionValue? ';' | ';' ) )*` over all the tokens, or undefined. */
export function recognizeOptions(tokens: LexToken[]): RawOption[] | undefined {
  const options: RawOption[] = [];
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    const name = tokens[i];
    if (name.tokenType !== OptionName) return undefined;
    const next = tokens[i + 1];
    if (!next) return undefined;
    if (next.tokenType === Semicolon) {
      options.push({ name, end: next });
      i += 2;
      continue;
    }
    if (next.tokenType !== Colon) return undefined;
    const opt: RawOption = { name, colon: next };
    i += 2;
    if (tokens[i]?.tokenType === OptionValue) opt.value = tokens[i++];
    if (tokens[i]?.tokenType !== ValueEnd) return undefined;
    opt.end = tokens[i++];
    options.push(opt);
  }
  return options;
}
