import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import { loadChevrotain } from './load-chevrotain.js';
import {
  ALL_TOKEN_KINDS, Arrow, BackArrow, Bang, BothArrow, Colon, Comma, END_OF_INPUT, LBracket, OptionName, OptionValue, RBracket, Semicolon, TxArrow, ValueEnd, Word,
  type LexToken, type TokenKind,
} from './tokens.js';

/*
 * The rule grammar, recognition only. It returns plain records of our lexer's tokens; build-tree.ts
 * turns them into our own typed, offset-carrying tree. Rules never see chevrotain types.
 *
 *   header   := actions Word list list direction list list
 *   actions  := Word (',' Word)*          (firewall multi-action: `drop:flow,alert`)
 *   list     := '!'* ( Word | '[' (list (',' list)*)? ']' )
 *   direction:= '->' | '<>' | '=>' | '<-'
 *   options  := ( OptionName ( ':' OptionValue? ';' | ';' ) )*
 *
 * Well-formed rules never get here (fast-recognizer.ts builds the same records). This module does not
 * import chevrotain: the grammar is built, and chevrotain loaded, by the first ruleGrammar() call, that
 * is by the first rule with a syntax error, once per process.
 */

export interface RawList {
  bangs: LexToken[];
  word?: LexToken;
  open?: LexToken;
  items?: RawList[];
  close?: LexToken;
}

export interface RawHeader {
  action?: LexToken;
  /** The actions after the first in a multi-action field (`drop:flow,alert`), each after a ','. */
  moreActions?: LexToken[];
  protocol?: LexToken;
  lists: RawList[];
  direction?: LexToken;
  /** Which field the parser was reading when it stopped (for error messages). */
  field: string;
}

export interface RawOption {
  name: LexToken;
  colon?: LexToken;
  value?: LexToken;
  end?: LexToken;
}

export const HEADER_FIELDS = ['action', 'protocol', 'source address', 'source port', 'direction', 'destination address', 'destination port'];

/** The first thing the grammar could not accept: a token of the input, or END_OF_INPUT. */
export interface SyntaxFault {
  readonly token: LexToken;
}

export interface RuleGrammar {
  parseHeader(tokens: readonly LexToken[]): { header: RawHeader; errors: SyntaxFault[] };
  parseOptions(tokens: readonly LexToken[]): { options: RawOption[]; errors: SyntaxFault[] };
}

/** The chevrotain token that stands for one of ours while the grammar runs. */
interface GrammarToken extends IToken {
  readonly source: LexToken;
}

function createGrammar(): RuleGrammar {
  const { createToken, EmbeddedActionsParser, Lexer } = loadChevrotain();
  const types = new Map<TokenKind, TokenType>(ALL_TOKEN_KINDS.map((k) => [k, createToken({ name: k.name, pattern: Lexer.NA, label: k.label })]));
  const type = (k: TokenKind): TokenType => types.get(k)!;
  const [tBang, tWord, tLBracket, tRBracket, tComma, tArrow, tBothArrow, tTxArrow, tBackArrow, tOptionName, tColon, tOptionValue, tValueEnd, tSemicolon] = [
    Bang, Word, LBracket, RBracket, Comma, Arrow, BothArrow, TxArrow, BackArrow, OptionName, Colon, OptionValue, ValueEnd, Semicolon,
  ].map(type);

  const toGrammar = (tokens: readonly LexToken[]): IToken[] =>
    tokens.map((t): GrammarToken => {
      const tokenType = type(t.tokenType);
      return { image: t.image, startOffset: t.startOffset, endOffset: t.endOffset, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx!, source: t };
    });
  /** Our token for a chevrotain one (undefined for the placeholders chevrotain records its grammar with). */
  const own = (t: IToken | undefined): LexToken => (t as GrammarToken | undefined)?.source as LexToken;
  const fault = (e: IRecognitionException): SyntaxFault => ({ token: own(e.token) ?? END_OF_INPUT });

  class Grammar extends EmbeddedActionsParser implements RuleGrammar {
    header!: RawHeader;
    options: RawOption[] = [];

    constructor() {
      super([...types.values()], { recoveryEnabled: false, maxLookahead: 2, skipValidations: true });
      this.performSelfAnalysis();
    }

    readonly list: () => RawList = this.RULE('list', (): RawList => {
      const node: RawList = { bangs: [] };
      this.MANY(() => {
        const b = own(this.CONSUME(tBang));
        this.ACTION(() => node.bangs.push(b));
      });
      this.OR([
        {
          ALT: () => {
            const w = own(this.CONSUME(tWord));
            this.ACTION(() => (node.word = w));
          },
        },
        {
          ALT: () => {
            const open = own(this.CONSUME(tLBracket));
            this.ACTION(() => {
              node.open = open;
              node.items = [];
            });
            this.OPTION(() => {
              const first = this.SUBRULE(this.list);
              this.ACTION(() => node.items!.push(first));
              this.MANY2(() => {
                this.CONSUME(tComma);
                const next = this.SUBRULE2(this.list);
                this.ACTION(() => node.items!.push(next));
              });
            });
            const close = own(this.CONSUME(tRBracket));
            this.ACTION(() => (node.close = close));
          },
        },
      ]);
      return node;
    });

    /** A header field: a list, or Suricata's unbracketed comma list (`10.0.0.0/8,192.168.0.0/16`). */
    readonly field: () => RawList = this.RULE('field', (): RawList => {
      const first = this.SUBRULE(this.list);
      let group: RawList | undefined;
      this.MANY(() => {
        this.CONSUME(tComma);
        const next = this.SUBRULE2(this.list);
        this.ACTION(() => {
          group ??= { bangs: [], items: [first] };
          group.items!.push(next);
        });
      });
      return group ?? first;
    });

    readonly headerRule = this.RULE('header', () => {
      const h = this.header;
      this.ACTION(() => (h.field = 'action'));
      const action = own(this.CONSUME(tWord));
      this.ACTION(() => {
        h.action = action;
        h.field = 'protocol';
      });
      this.MANY3(() => {
        this.CONSUME3(tComma);
        this.ACTION(() => (h.field = 'action'));
        const more = own(this.CONSUME3(tWord));
        this.ACTION(() => {
          (h.moreActions ??= []).push(more);
          h.field = 'protocol';
        });
      });
      const protocol = own(this.CONSUME2(tWord));
      this.ACTION(() => {
        h.protocol = protocol;
        h.field = 'source address';
      });
      const l1 = this.SUBRULE(this.field);
      this.ACTION(() => h.lists.push(l1));
      this.ACTION(() => (h.field = 'source port'));
      const l2 = this.SUBRULE2(this.field);
      this.ACTION(() => h.lists.push(l2));
      this.ACTION(() => (h.field = 'direction'));
      const dir = own(
        this.OR([
          { ALT: () => this.CONSUME(tArrow) },
          { ALT: () => this.CONSUME(tBothArrow) },
          { ALT: () => this.CONSUME(tTxArrow) },
          { ALT: () => this.CONSUME(tBackArrow) },
        ]),
      );
      this.ACTION(() => {
        h.direction = dir;
        h.field = 'destination address';
      });
      const l3 = this.SUBRULE3(this.field);
      this.ACTION(() => h.lists.push(l3));
      this.ACTION(() => (h.field = 'destination port'));
      const l4 = this.SUBRULE4(this.field);
      this.ACTION(() => h.lists.push(l4));
      this.ACTION(() => (h.field = 'end of header'));
    });

    readonly optionsRule = this.RULE('options', () => {
      this.MANY(() => {
        const name = own(this.CONSUME(tOptionName));
        const opt: RawOption = { name };
        this.ACTION(() => this.options.push(opt));
        this.OR([
          {
            ALT: () => {
              opt.colon = own(this.CONSUME(tColon));
              this.OPTION(() => {
                opt.value = own(this.CONSUME(tOptionValue));
              });
              opt.end = own(this.CONSUME(tValueEnd));
            },
          },
          { ALT: () => (opt.end = own(this.CONSUME(tSemicolon))) },
        ]);
      });
    });

    parseHeader(tokens: readonly LexToken[]): { header: RawHeader; errors: SyntaxFault[] } {
      this.header = { lists: [], field: 'action' };
      this.input = toGrammar(tokens);
      withoutStackTraces(() => this.headerRule());
      return { header: this.header, errors: this.errors.map(fault) };
    }

    parseOptions(tokens: readonly LexToken[]): { options: RawOption[]; errors: SyntaxFault[] } {
      this.options = [];
      this.input = toGrammar(tokens);
      withoutStackTraces(() => this.optionsRule());
      return { options: this.options, errors: this.errors.map(fault) };
    }
  }

  return new Grammar();
}

/**
 * Chevrotain reports a syntax error by throwing a recognition exception (an Error) and catching it;
 * capturing the JavaScript stack for each was a sizeable part of parsing files with many broken rules.
 * The stack is never shown, so it is not captured.
 */
function withoutStackTraces(run: () => void): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Built once per process, on first need (loading chevrotain and its self-analysis are the expensive part). */
let grammar: RuleGrammar | undefined;

export function ruleGrammar(): RuleGrammar {
  return (grammar ??= createGrammar());
}
