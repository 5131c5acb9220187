import { EmbeddedActionsParser, type IToken, type IRecognitionException } from 'chevrotain';
import {
  allTokens, Arrow, BackArrow, Bang, BothArrow, Colon, Comma, LBracket, OptionName, OptionValue, RBracket, Semicolon, TxArrow, ValueEnd, Word,
} from './tokens.js';

/*
 * The rule grammar, recognition only. It returns plain records of chevrotain tokens; build-tree.ts
 * turns them into our own typed, offset-carrying tree. Rules never see chevrotain types.
 *
 *   header   := Word Word list list direction list list
 *   list     := '!'* ( Word | '[' (list (',' list)*)? ']' )
 *   direction:= '->' | '<>' | '=>' | '<-'
 *   options  := ( OptionName ( ':' OptionValue? ';' | ';' ) )*
 */

export interface RawList {
  bangs: IToken[];
  word?: IToken;
  open?: IToken;
  items?: RawList[];
  close?: IToken;
}

export interface RawHeader {
  action?: IToken;
  protocol?: IToken;
  lists: RawList[];
  direction?: IToken;
  /** Which field the parser was reading when it stopped (for error messages). */
  field: string;
}

export interface RawOption {
  name: IToken;
  colon?: IToken;
  value?: IToken;
  end?: IToken;
}

export const HEADER_FIELDS = ['action', 'protocol', 'source address', 'source port', 'direction', 'destination address', 'destination port'];

class RuleGrammar extends EmbeddedActionsParser {
  header!: RawHeader;
  options: RawOption[] = [];

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2, skipValidations: true });
    this.performSelfAnalysis();
  }

  readonly list: () => RawList = this.RULE('list', (): RawList => {
    const node: RawList = { bangs: [] };
    this.MANY(() => {
      const b = this.CONSUME(Bang);
      this.ACTION(() => node.bangs.push(b));
    });
    this.OR([
      {
        ALT: () => {
          const w = this.CONSUME(Word);
          this.ACTION(() => (node.word = w));
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(LBracket);
          this.ACTION(() => {
            node.open = open;
            node.items = [];
          });
          this.OPTION(() => {
            const first = this.SUBRULE(this.list);
            this.ACTION(() => node.items!.push(first));
            this.MANY2(() => {
              this.CONSUME(Comma);
              const next = this.SUBRULE2(this.list);
              this.ACTION(() => node.items!.push(next));
            });
          });
          const close = this.CONSUME(RBracket);
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
      this.CONSUME(Comma);
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
    const action = this.CONSUME(Word);
    this.ACTION(() => {
      h.action = action;
      h.field = 'protocol';
    });
    const protocol = this.CONSUME2(Word);
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
    const dir = this.OR([
      { ALT: () => this.CONSUME(Arrow) },
      { ALT: () => this.CONSUME(BothArrow) },
      { ALT: () => this.CONSUME(TxArrow) },
      { ALT: () => this.CONSUME(BackArrow) },
    ]);
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
      const name = this.CONSUME(OptionName);
      const opt: RawOption = { name };
      this.ACTION(() => this.options.push(opt));
      this.OR([
        {
          ALT: () => {
            opt.colon = this.CONSUME(Colon);
            this.OPTION(() => {
              opt.value = this.CONSUME(OptionValue);
            });
            opt.end = this.CONSUME(ValueEnd);
          },
        },
        { ALT: () => (opt.end = this.CONSUME(Semicolon)) },
      ]);
    });
  });

  parseHeader(tokens: IToken[]): { header: RawHeader; errors: IRecognitionException[] } {
    this.header = { lists: [], field: 'action' };
    this.input = tokens;
    withoutStackTraces(() => this.headerRule());
    return { header: this.header, errors: this.errors };
  }

  parseOptions(tokens: IToken[]): { options: RawOption[]; errors: IRecognitionException[] } {
    this.options = [];
    this.input = tokens;
    withoutStackTraces(() => this.optionsRule());
    return { options: this.options, errors: this.errors };
  }
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

/** Built once per process (chevrotain's self-analysis is the expensive part). */
let grammar: RuleGrammar | undefined;

export function ruleGrammar(): RuleGrammar {
  return (grammar ??= new RuleGrammar());
}
