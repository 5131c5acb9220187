import type { Fix } from '../source/fix.js';
import type { TextRange } from '../source/text-range.js';
import type { ParsedOptionValue } from './option-values.js';

/** A piece of source text with its range. `text` is exactly `source.slice(range)`. */
export interface Token {
  readonly text: string;
  readonly range: TextRange;
}

/** A whole rules text. Statements cover every byte of the text, in order, with no gaps. */
export interface RulesFile {
  readonly kind: 'rules-file';
  readonly text: string;
  /** A leading UTF-8 byte order mark (U+FEFF), kept as its own range. */
  readonly bom?: TextRange;
  readonly statements: readonly Statement[];
  /** Line terminator style found in the text. */
  readonly lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

export type Statement = RuleStatement | CommentLine | BlankLine;

interface StatementBase {
  /** The statement's content, without its final line terminator. */
  readonly range: TextRange;
  /** The line terminator that ends the statement (empty at end of text). */
  readonly eol: TextRange;
}

export interface BlankLine extends StatementBase {
  readonly kind: 'blank';
}

export interface CommentLine extends StatementBase {
  readonly kind: 'comment';
  /** Text after the `#`. */
  readonly body: TextRange;
}

/** Where a rule statement sits in the file: as Suricata reads it, or in a way Suricata skips. */
export type RuleLayout =
  /** A normal rule, read by Suricata. */
  | 'active'
  /** `# alert ...`: a commented-out rule (disabled). */
  | 'disabled'
  /** A rule line starting with space or tab: Suricata's loader silently skips it. */
  | 'indented';

/** A parsed Suricata rule: `action protocol src sport dir dst dport (options)`. */
export interface RuleStatement extends StatementBase {
  readonly kind: 'rule';
  readonly layout: RuleLayout;
  /** For disabled rules, the range of `#` and the whitespace after it. */
  readonly disabledPrefix?: TextRange;
  /** The rule text proper: from the action to the last `)` (or end of the statement). */
  readonly ruleRange: TextRange;
  /** Ranges of `\`+newline continuations inside the statement (Suricata joins these lines). */
  readonly continuations: readonly TextRange[];
  readonly header: RuleHeader;
  readonly openParen?: TextRange;
  readonly closeParen?: TextRange;
  readonly options: readonly RuleOption[];
  /** Syntax errors found in this statement, in source order. */
  readonly errors: readonly ParseError[];
}

export interface RuleHeader {
  readonly range: TextRange;
  readonly action?: HeaderAction;
  readonly protocol?: HeaderProtocol;
  readonly source?: ListExpr;
  readonly sourcePort?: ListExpr;
  readonly direction?: Token;
  readonly destination?: ListExpr;
  readonly destinationPort?: ListExpr;
}

/** One action of the action field: `drop`, `drop:flow`, `alert`. */
export interface ActionPart extends Token {
  /** `alert`, `drop`, ... (lower-cased; Suricata compares actions case-insensitively). */
  readonly name: string;
  /**
   * Suricata 8 action scope, as in `drop:flow`: the text after the first `:` (case kept; Suricata
   * compares scopes case-sensitively, `SigParseActionDo` in src/detect-parse.c).
   */
  readonly scope?: Token;
}

/**
 * The action field. `text`/`range`/`name`/`scope` are the first (primary) action; a firewall-mode
 * multi-action field (`drop:flow,alert`, `accept:flow,pass:flow`, Suricata >= 8.0.6) lists the others
 * in `secondary`, in order. Suricata splits the field at `,` only for firewall rules.
 */
export interface HeaderAction extends ActionPart {
  /** The actions after the first, each after its `,` (absent when there is one action). */
  readonly secondary?: readonly ActionPart[];
  /** The whole field, from the first action to the end of the last one. */
  readonly fieldRange: TextRange;
}

export interface HeaderProtocol extends Token {
  /** Lower-cased protocol name, without hook. */
  readonly name: string;
  /**
   * Suricata 8 explicit hook, as in `tls:client_hello_done` (without the `<` of `tls:<client_hello`).
   * Case kept: Suricata compares hook names case-sensitively.
   */
  readonly hook?: Token;
  /**
   * The `<` of the firewall-mode "accept prior hooks" form (`tls:<client_hello`, AWS
   * `AcceptPriorHooks`; upstream `SIG_FLAG_FW_HOOK_LTE`, src/detect-parse.c `SigParseProto`).
   */
  readonly acceptPriorHooks?: TextRange;
}

/** An address or port expression: a single value or a `[...]` group, optionally negated. */
export type ListExpr = ListValue | ListGroup;

export interface ListValue {
  readonly kind: 'value';
  readonly range: TextRange;
  readonly negated: boolean;
  /** The value without `!`: `any`, `$HOME_NET`, `@BETA`, `10.0.0.0/8`, `80`, `1024:`. */
  readonly value: Token;
  readonly valueKind: 'any' | 'variable' | 'ipset' | 'literal';
}

export interface ListGroup {
  readonly kind: 'group';
  readonly range: TextRange;
  readonly negated: boolean;
  /** False for Suricata's unbracketed top-level comma list (`1.1.1.1,2.2.2.2`). */
  readonly bracketed: boolean;
  readonly items: readonly ListExpr[];
}

/** `keyword[:value];` inside the rule's parentheses. */
export interface RuleOption {
  /** From the keyword to the terminating `;` inclusive (or the end of the value when `;` is missing). */
  readonly range: TextRange;
  readonly keyword: Token;
  /** Lower-cased keyword name as written (aliases are not resolved here). */
  readonly name: string;
  readonly colon?: TextRange;
  /** The raw value, whitespace-trimmed, exactly as in the source (may include `\`+newline continuations). */
  readonly value?: Token;
  readonly terminator?: TextRange;
  /** Structured value for the keywords checks need (content, pcre, flow, ssl_state, ...). */
  readonly parsed?: ParsedOptionValue;
}

/** A syntax error inside one statement. Never thrown: collected and reported as `parse-error`. */
export interface ParseError {
  readonly range: TextRange;
  readonly message: string;
  /** What was expected, in words ("'->' or '<>'"). */
  readonly expected?: string;
  /** One-line advice. */
  readonly hint?: string;
  /** The repair: `safe` when the intent is certain, `unsafe` for guesses such as a did-you-mean. */
  readonly fix?: Fix;
  /** Syntax Suricata 8 accepts but 7 does not. Reported by a separate lint rule, not as a parse error. */
  readonly requiresSuricata8?: boolean;
  /** Suricata 7 loads the rule anyway, but the text is almost certainly not what was meant (`suspicious-syntax`). */
  readonly accepted?: boolean;
}
