import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { ACTIONS, ACTION_SCOPES, lookupAction } from '../catalog/actions.js';
import { lookupKeyword } from '../catalog/keyword-catalog.js';
import type { TextRange } from '../source/text-range.js';
import { closestMatch } from './levenshtein.js';
import { OPTION_VALUE_PARSERS } from './option-values.js';
import { HEADER_FIELDS, ruleGrammar, type RawList, type RawOption, type SyntaxFault } from './parser.js';
import type { StatementSpan } from './split-statements.js';
import { continuationLength, lexHeader, lexOptions, skipTrivia } from './lexer.js';
import { recognizeHeader, recognizeOptions } from './fast-recognizer.js';
import { OptionName, Semicolon, ValueEnd, type LexToken } from './tokens.js';
import type { ActionPart, HeaderAction, HeaderProtocol, ListExpr, ParseError, RuleHeader, RuleOption, RuleStatement, Token } from './tree.js';

const NO_ERRORS: SyntaxFault[] = [];

/** Suricata's limit on one rule after joining continuation lines (DETECT_MAX_RULE_SIZE). */
export const MAX_RULE_BYTES = 8192;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;

function tok(text: string, base: number, t: LexToken): Token {
  const start = base + t.startOffset;
  return { text: t.image, range: { start, end: start + t.image.length } };
}

function describe(t: LexToken): string {
  if (t.tokenType.name === 'EOF') return 'the end of the header';
  const img = t.image.length > 40 ? `${t.image.slice(0, 40)}...` : t.image;
  return `'${img}'`;
}

/** Parses one rule statement found by splitStatements. Never throws; errors are collected. */
export function buildRuleStatement(text: string, span: StatementSpan): RuleStatement {
  const errors: ParseError[] = [];
  const start = span.contentStart;
  const end = span.range.end;

  // Find "(" (the header never contains one) and the closing ")" (Suricata strips all trailing ")" and blanks).
  let open = text.indexOf('(', start);
  if (open >= end) open = -1;
  let tail = end;
  let close = -1;
  if (open >= 0) {
    while (tail > open + 1) {
      const c = text.charCodeAt(tail - 1);
      if (c === 41 /* ) */) close = tail - 1;
      else if (c === 92 /* \ */ && span.continuations.some((k) => k.start === tail - 1)) {
        // `\`+newline before the closing parenthesis: part of the tail, Suricata joins it away.
      } else if (!isSpace(c)) break;
      tail--;
    }
  }
  // Text after the closing ')' (`;) # comment`, `;);`): Suricata refuses the rule; the options end at that ')'.
  const trailing = open >= 0 && close < 0 ? textAfterClose(text, open, end) : undefined;
  if (trailing) {
    close = trailing.close;
    tail = trailing.close;
  }
  const headerEnd = open >= 0 ? open : end;
  const ruleEnd = close >= 0 ? close + 1 : end;

  const header = buildHeader(text, start, headerEnd, open, errors);
  let options: RuleOption[] = [];
  if (open < 0) {
    if (header.action && header.destinationPort) {
      errors.push({
        range: { start: end, end },
        message: "missing '(' with the rule options",
        expected: "'(' after the destination port",
        hint: 'every rule needs options in parentheses, at least (sid:N;)',
      });
    }
  } else {
    options = buildOptions(text, open + 1, tail, errors);
    if (trailing) errors.push(trailingTextError(text, span, trailing));
    if (close < 0) {
      // Insert before trailing blanks and `\`+newline continuations, so the line terminator stays last.
      let closeAt = end;
      for (;;) {
        while (closeAt > open + 1 && isSpace(text.charCodeAt(closeAt - 1))) closeAt--;
        const k = span.continuations.find((c) => c.end >= closeAt && c.start < closeAt);
        if (k && k.start > open) closeAt = k.start;
        else break;
      }
      errors.push({
        range: { start: end, end },
        message: "missing ')' at the end of the rule (Suricata 7 loads it, but other tools and AWS examples always close the options)",
        expected: "')'",
        hint: "close the options with ')'",
        fix: Fix.safe("Insert ')'", [Edit.insertAt(closeAt, ')')]),
        accepted: true,
      });
    }
  }

  const length = ruleEnd - start - span.continuations.reduce((n, c) => n + (c.end - c.start), 0);
  if (length >= MAX_RULE_BYTES) {
    errors.push({
      range: { start, end: ruleEnd },
      message: `rule is ${length} characters long; Suricata rejects rules of ${MAX_RULE_BYTES} bytes or more`,
      hint: 'split the rule, or move long lists into variables or IP set references',
    });
  }

  return {
    kind: 'rule',
    layout: span.layout,
    disabledPrefix: span.layout === 'disabled' ? { start: span.range.start, end: start } : undefined,
    range: span.range,
    eol: span.eol,
    ruleRange: { start, end: ruleEnd },
    continuations: span.continuations,
    header,
    openParen: open >= 0 ? { start: open, end: open + 1 } : undefined,
    closeParen: close >= 0 ? { start: close, end: close + 1 } : undefined,
    options,
    errors,
  };
}

/**
 * The last `)` that follows an unescaped `;` (blanks between) and has more text after it, when the statement does
 * not end in `)`: `(msg:"x"; sid:2;) # comment`, `(sid:3;);`.
 */
function textAfterClose(text: string, open: number, end: number): { close: number; textStart: number } | undefined {
  for (let i = end - 1; i > open; i--) {
    if (text.charCodeAt(i) !== 41 /* ) */) continue;
    let j = i - 1;
    while (j > open && isSpace(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 59 /* ; */ || text.charCodeAt(j - 1) === 92 /* \ */) continue;
    let k = i + 1;
    while (k < end && isSpace(text.charCodeAt(k))) k++;
    if (k < end) return { close: i, textStart: k };
  }
  return undefined;
}

/**
 * One error for text after the closing `)`. Suricata refuses the rule ("no terminating ';' found" for a comment,
 * "unknown rule keyword ')'" for `;);`). A `#` comment is moved to its own line above the rule; a lone `;` is removed.
 */
function trailingTextError(text: string, span: StatementSpan, t: { close: number; textStart: number }): ParseError {
  const after = text.slice(t.textStart, span.range.end);
  const range = { start: t.textStart, end: span.range.end };
  const eol = text.slice(span.eol.start, span.eol.end) || '\n';
  if (after.startsWith('#')) {
    return {
      range,
      message: `a comment after the closing ')': Suricata reads it as part of the options and refuses the rule ("no terminating ';' found"); comments go on their own line`,
      hint: 'move the comment to its own line above the rule',
      fix: Fix.safe('Move the comment above the rule', [Edit.insertAt(span.range.start, `${after.trimEnd()}${eol}`), Edit.remove({ start: t.close + 1, end: span.range.end })]),
    };
  }
  const lone = /^;+\s*$/.test(after);
  return {
    range,
    message: `text after the closing ')': '${after.length > 40 ? `${after.slice(0, 40)}...` : after}': Suricata refuses the rule (${lone ? `"unknown rule keyword ')'"` : `"no terminating ';' found"`})`,
    hint: lone ? "remove the ';' after ')'" : 'remove the text after the closing parenthesis, or put it in a comment on its own line',
    fix: lone ? Fix.safe("Remove the text after ')'", [Edit.remove({ start: t.close + 1, end: span.range.end })]) : undefined,
  };
}

/** Deeper `[` nesting than any real rule uses; beyond it the header is not parsed (bounded recursion). */
export const MAX_GROUP_DEPTH = 32;

function groupDepth(text: string, start: number, end: number): [number, number] {
  let depth = 0;
  let max = 0;
  let at = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if (c === 93) depth--;
  }
  return [max, at];
}

function buildHeader(text: string, start: number, end: number, open: number, errors: ParseError[]): RuleHeader {
  const [depth, deepest] = groupDepth(text, start, end);
  if (depth > MAX_GROUP_DEPTH) {
    errors.push({
      range: { start: deepest, end: deepest + 1 },
      message: `address or port groups nested ${depth} levels deep; suricata-lint reads at most ${MAX_GROUP_DEPTH}`,
      hint: 'flatten the group, or define it in a variable',
    });
    return { range: { start, end: trimEnd(text, start, end) } };
  }
  const headerTokens = lexHeader(text, start, end);
  const fast = recognizeHeader(headerTokens);
  const { header: raw, errors: perrs } = fast ? { header: fast, errors: NO_ERRORS } : ruleGrammar().parseHeader(headerTokens);
  const headerRange = { start, end: trimEnd(text, start, end) };

  const list = (r: RawList | undefined): ListExpr | undefined => (r ? buildList(text, 0, r) : undefined);
  let action: HeaderAction | undefined;
  if (raw.action) {
    const part = (lt: LexToken): ActionPart => {
      const t = tok(text, 0, lt);
      const [name, scope] = splitColon(t);
      return { text: t.text, range: t.range, name: name.text.toLowerCase(), scope };
    };
    const primary = part(raw.action);
    const secondary = raw.moreActions?.map(part);
    const last = secondary ? secondary[secondary.length - 1] : primary;
    action = { ...primary, fieldRange: { start: primary.range.start, end: last.range.end } };
    if (secondary) action = { ...action, secondary };
    checkAction(action, errors);
    for (const s of secondary ?? []) checkAction(s, errors, true);
    if (secondary) {
      errors.push({
        range: action.fieldRange,
        message: `multiple actions '${text.slice(action.fieldRange.start, action.fieldRange.end)}' are Suricata 8 firewall-mode syntax`,
        hint: 'Suricata reads a comma-separated action list only in firewall rules (Suricata 8.0.6 or later)',
        requiresSuricata8: true,
      });
    }
  }
  let protocol: HeaderProtocol | undefined;
  if (raw.protocol) {
    const t = tok(text, 0, raw.protocol);
    const [name, rawHook] = splitColon(t);
    let hook = rawHook;
    let acceptPriorHooks: TextRange | undefined;
    if (hook && hook.text.startsWith('<')) {
      acceptPriorHooks = { start: hook.range.start, end: hook.range.start + 1 };
      hook = { text: hook.text.slice(1), range: { start: hook.range.start + 1, end: hook.range.end } };
    }
    protocol = { text: t.text, range: t.range, name: name.text.toLowerCase(), hook };
    if (acceptPriorHooks) protocol = { ...protocol, acceptPriorHooks };
    if (hook) {
      errors.push({
        range: t.range,
        message: `protocol hook '${t.text}' needs Suricata 8`,
        hint: 'Suricata 7 accepts only a protocol name here',
        requiresSuricata8: true,
      });
    }
  }
  const header: RuleHeader = {
    range: headerRange,
    action,
    protocol,
    source: list(raw.lists[0]),
    sourcePort: list(raw.lists[1]),
    direction: raw.direction ? tok(text, 0, raw.direction) : undefined,
    destination: list(raw.lists[2]),
    destinationPort: list(raw.lists[3]),
  };

  checkDirection(header, errors);
  checkFieldSpacing(text, header, errors);
  checkListFieldEnds(text, header, open, errors);
  if (perrs.length > 0) errors.push(headerError(text, start, end, raw.field, perrs[0]));
  return header;
}

function headerError(text: string, start: number, end: number, field: string, e: SyntaxFault): ParseError {
  const t = e.token;
  const isEof = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
  const s = isEof ? trimEnd(text, start, end) : t.startOffset;
  const range = { start: s, end: isEof ? s : s + t.image.length };
  const expected = field === 'direction' ? "'->' or '<>'" : `the ${field}`;
  const shape = 'a rule header is: action protocol src_addr src_port direction dst_addr dst_port';
  if (isEof) {
    return { range, message: `incomplete rule header: missing the ${field}`, expected, hint: shape };
  }
  if (field === 'end of header') {
    return { range, message: `unexpected ${describe(t)} after the destination port`, expected: "'('", hint: shape };
  }
  if (field === 'direction' && t.tokenType.name === 'Word') {
    return { range, message: `${describe(t)} is not a valid direction`, expected, hint: `${shape}; is a field missing or extra?` };
  }
  return { range, message: `expected ${expected} but found ${describe(t)}`, expected, hint: shape };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function splitColon(t: Token): [Token, Token | undefined] {
  const i = t.text.indexOf(':');
  if (i < 0) return [t, undefined];
  return [
    { text: t.text.slice(0, i), range: { start: t.range.start, end: t.range.start + i } },
    { text: t.text.slice(i + 1), range: { start: t.range.start + i + 1, end: t.range.end } },
  ];
}

const ACTION_NAMES = ACTIONS.map((a) => a.name);

function checkAction(action: ActionPart, errors: ParseError[], secondary = false): void {
  const info = lookupAction(action.name);
  const nameRange = { start: action.range.start, end: action.range.start + action.name.length };
  if (!info) {
    const guess = closestMatch(action.name, ACTION_NAMES);
    const underscore = action.name.replace(/_/g, '');
    const spelling = underscore !== action.name && lookupAction(underscore) ? underscore : undefined;
    errors.push({
      range: nameRange,
      message: `unknown action '${action.text.slice(0, action.name.length)}'`,
      expected: 'alert, pass, drop or reject',
      hint: spelling
        ? `the rule-string action is '${spelling}' (the AWS modeled-rule enum spells it with an underscore, the rule string does not)`
        : guess
          ? `did you mean '${guess}'?`
          : 'a rule starts with its action: alert, pass, drop or reject',
      fix: spelling ? Fix.safe(`Replace with '${spelling}'`, [Edit.replace(nameRange, spelling)]) : guess ? Fix.unsafe(`Replace with '${guess}'`, [Edit.replace(nameRange, guess)]) : undefined,
    });
    return;
  }
  if (info.since === 8 && !secondary) {
    errors.push({ range: nameRange, message: `action '${action.name}' needs Suricata 8`, hint: 'Suricata 7 accepts alert, pass, drop, reject', requiresSuricata8: true });
  }
  if (action.scope) {
    const scopes = ACTION_SCOPES[action.name];
    const scope = action.scope.text;
    if (scopes && !scopes.includes(scope) && scopes.includes(scope.toLowerCase())) {
      // Suricata compares scopes with strcmp (src/detect-parse.c SigParseActionDo): `accept:FLOW` is refused.
      errors.push({
        range: action.scope.range,
        message: `action scope '${scope}' must be lower case: Suricata compares scopes case-sensitively`,
        expected: scopes.join(', '),
        hint: `write '${action.name}:${scope.toLowerCase()}'`,
        fix: Fix.safe(`Replace with '${scope.toLowerCase()}'`, [Edit.replace(action.scope.range, scope.toLowerCase())]),
      });
    } else if (!scopes || !scopes.includes(scope)) {
      errors.push({
        range: action.range,
        message: `'${action.text}' is not a valid action${scopes ? `; '${action.name}' scopes are ${scopes.join(', ')}` : `: '${action.name}' takes no scope`}`,
        hint: scopes ? undefined : `write '${action.name}' without ':${scope}'`,
      });
    } else if (!secondary) {
      errors.push({ range: action.range, message: `action scope '${action.text}' needs Suricata 8`, hint: `Suricata 7 accepts only '${action.name}'`, requiresSuricata8: true });
    }
  }
}

function checkDirection(h: RuleHeader, errors: ParseError[]): void {
  const d = h.direction;
  if (!d) return;
  if (d.text === '<-') {
    errors.push({
      range: d.range,
      message: "there is no '<-' direction in Suricata",
      expected: "'->' or '<>'",
      hint: "swap the source and destination and use '->'",
    });
  } else if (d.text === '=>') {
    errors.push({ range: d.range, message: "the transactional direction '=>' needs Suricata 8", hint: "use '->' for Suricata 7", requiresSuricata8: true });
  }
}

/** Suricata splits the header on whitespace: `any->` is one (invalid) token. */
function checkFieldSpacing(text: string, h: RuleHeader, errors: ParseError[]): void {
  const fields = [h.action, h.protocol, h.source, h.sourcePort, h.direction, h.destination, h.destinationPort];
  for (let i = 1; i < fields.length; i++) {
    const a = fields[i - 1];
    const b = fields[i];
    if (!a || !b || a.range.end !== b.range.start) continue;
    const at = b.range.start;
    const arrow = i === 4 ? h.direction!.text : i === 5 ? h.direction!.text : undefined;
    errors.push({
      range: i === 4 ? b.range : i === 5 ? a.range : { start: a.range.start, end: b.range.end },
      message: arrow
        ? `missing space ${i === 4 ? 'before' : 'after'} '${arrow}': Suricata reads '${text.slice(a.range.start, b.range.end)}' as one field`
        : `missing space between the ${HEADER_FIELDS[i - 1]} and the ${HEADER_FIELDS[i]}`,
      expected: 'whitespace between header fields',
      hint: 'separate header fields with a space',
      fix: Fix.safe('Insert a space', [Edit.insertAt(at, ' ')]),
    });
  }
}

/**
 * Suricata reads protocol, addresses and ports with a splitter that stops at spaces only (tabs stay
 * inside the field), and the destination port runs until the next space, so `any(msg...` breaks.
 */
function checkListFieldEnds(text: string, h: RuleHeader, open: number, errors: ParseError[]): void {
  const fields: [string, { range: TextRange } | undefined][] = [
    ['protocol', h.protocol],
    ['source address', h.source],
    ['source port', h.sourcePort],
    ['destination address', h.destination],
    ['destination port', h.destinationPort],
  ];
  for (const [name, f] of fields) {
    if (!f) continue;
    const at = f.range.end;
    if (text.charCodeAt(at) === 9) {
      let e = at;
      while (text.charCodeAt(e) === 9) e++;
      errors.push({
        range: { start: at, end: e },
        message: `a tab after the ${name}: Suricata splits this part of the header on spaces only, so the tab joins the ${name} with what follows`,
        expected: 'a space',
        hint: 'use spaces between header fields',
        fix: Fix.safe('Replace the tab with a space', [Edit.replace({ start: at, end: e }, ' ')]),
      });
    } else if (name === 'destination port' && open === at) {
      errors.push({
        range: { start: at, end: at + 1 },
        message: "missing space before '(': Suricata reads the destination port up to the next space",
        expected: "a space before '('",
        hint: "separate the header from the options with a space",
        fix: Fix.safe('Insert a space', [Edit.insertAt(at, ' ')]),
      });
    }
  }
}

function buildList(text: string, base: number, r: RawList): ListExpr {
  const negated = r.bangs.length % 2 === 1;
  if (!r.open && !r.word && r.items) {
    // Unbracketed comma list.
    const items = r.items.map((i) => buildList(text, base, i));
    return { kind: 'group', range: { start: items[0].range.start, end: items[items.length - 1].range.end }, negated: false, bracketed: false, items };
  }
  const first = r.bangs[0] ?? r.word ?? r.open!;
  const start = base + first.startOffset;
  if (r.word) {
    const value = tok(text, base, r.word);
    const c = value.text[0];
    const valueKind = value.text.toLowerCase() === 'any' ? 'any' : c === '$' ? 'variable' : c === '@' ? 'ipset' : 'literal';
    return { kind: 'value', range: { start, end: value.range.end }, negated, value, valueKind };
  }
  const items = (r.items ?? []).map((i) => buildList(text, base, i));
  const endTok = r.close;
  const end = endTok && !Number.isNaN(endTok.startOffset) ? base + endTok.startOffset + 1 : items.length ? items[items.length - 1].range.end : start + 1;
  return { kind: 'group', range: { start, end }, negated, bracketed: true, items };
}

const isTerminator = (t: LexToken): boolean => t.tokenType === Semicolon || t.tokenType === ValueEnd;

/** At most this many syntax errors are kept per statement; the rest are summarised in one. */
export const MAX_ERRORS_PER_STATEMENT = 50;

function buildOptions(text: string, start: number, end: number, errors: ParseError[]): RuleOption[] {
  const errorsBefore = errors.length;
  const scanned = scanOptions(text, start, end, errors);
  if (scanned) return mergeUnterminatedQuotes(text, scanned, errors);
  errors.length = errorsBefore;
  const tokens = lexOptions(text, start, end);
  const fast = recognizeOptions(tokens);
  if (fast) return mergeUnterminatedQuotes(text, fast.map((raw) => buildOption(text, raw, errors)), errors);
  const grammar = ruleGrammar();
  const whole = grammar.parseOptions(tokens);
  if (whole.errors.length === 0) return mergeUnterminatedQuotes(text, whole.options.map((raw) => buildOption(text, raw, errors)), errors);
  // Recovery: parse option by option (each chunk ends at its ';'), so one bad option never hides the
  // rest and the work stays linear in the number of tokens.
  const options: RuleOption[] = [];
  const before = errors.length;
  let suppressed = 0;
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && !isTerminator(tokens[j])) j++;
    if (j === i) {
      // A lone ';' (no grammar call: a recognition exception per stray ';' is costly).
      i = j + 1;
      if (errors.length - before >= MAX_ERRORS_PER_STATEMENT) {
        suppressed++;
        continue;
      }
      const s = tokens[j].startOffset;
      errors.push(straySemicolon(s));
      continue;
    }
    const chunk = tokens.slice(i, Math.min(j + 1, tokens.length));
    i = j + 1;
    const fastChunk = recognizeOptions(chunk);
    const { options: raws, errors: perrs } = fastChunk ? { options: fastChunk, errors: NO_ERRORS } : grammar.parseOptions(chunk);
    const raw = raws[0];
    if (perrs.length === 0) {
      if (raw) options.push(buildOption(text, raw, errors));
      continue;
    }
    if (errors.length - before >= MAX_ERRORS_PER_STATEMENT) {
      suppressed++;
      continue;
    }
    const e = perrs[0];
    const isEof = e.token.tokenType.name === 'EOF' || Number.isNaN(e.token.startOffset);
    if (isEof && raw && !raw.end) {
      // `keyword` or `keyword:value` at the end without ';'.
      const opt = buildOption(text, raw, errors);
      options.push(opt);
      const at = opt.range.end;
      errors.push({
        range: opt.range,
        message: `option '${opt.keyword.text}' is not terminated by ';'`,
        expected: "';'",
        hint: "every option ends with ';', including the last one: (...; sid:1;)",
        fix: Fix.safe("Insert ';'", [Edit.insertAt(at, ';')]),
      });
      continue;
    }
    const t = e.token;
    const s = t.startOffset;
    if (isTerminator(t) && chunk.length === 1) {
      errors.push(straySemicolon(s));
    } else if (t.tokenType === OptionName && chunk[0].tokenType === OptionName && t !== chunk[0]) {
      const prev = chunk[0];
      const at = prev.startOffset + prev.image.length;
      // Only when both words are keywords is a missing ';' certain (`nocase depth:1;`); otherwise no fix.
      const certain = !!lookupKeyword(prev.image) && !!lookupKeyword(t.image);
      errors.push({
        range: { start: s, end: s + t.image.length },
        message: `expected ';' after '${prev.image}' but found '${t.image}'`,
        expected: "';'",
        hint: certain ? `a ';' is probably missing after '${prev.image}'` : "options are 'keyword;' or 'keyword:value;', separated by ';'",
        fix: certain ? Fix.safe("Insert ';'", [Edit.insertAt(at, ';')]) : undefined,
      });
    } else {
      errors.push({ range: { start: s, end: s + t.image.length }, message: `expected a keyword but found '${t.image}'`, expected: 'a keyword' });
    }
  }
  if (suppressed > 0) {
    errors.push({ range: { start, end }, message: `${suppressed} more syntax errors in this rule's options are not listed` });
  }
  return mergeUnterminatedQuotes(text, options, errors);
}

/** A `;` where a keyword belongs (`;;` or `(;`), with the fix that removes it. */
function straySemicolon(at: number): ParseError {
  return {
    range: { start: at, end: at + 1 },
    message: "empty option: a stray ';'",
    expected: 'a keyword',
    hint: "remove the extra ';'",
    fix: Fix.safe("Remove ';'", [Edit.remove({ start: at, end: at + 1 })]),
  };
}

function buildOption(text: string, raw: RawOption, errors: ParseError[]): RuleOption {
  const at = (t: LexToken | undefined): number => (t && !Number.isNaN(t.startOffset) ? t.startOffset : -1);
  const value = raw.value;
  return optionAt(text, raw.name.startOffset, raw.name.startOffset + raw.name.image.length, at(raw.colon), value ? value.startOffset : -1, value ? value.startOffset + value.image.length : -1, at(raw.end), errors);
}

/**
 * The option whose keyword is `[nameStart, nameEnd)`, with its `:` at `colon`, raw value
 * `[valueStart, valueEnd)` and terminating `;` at `semi` (-1 for each part that is absent).
 */
function optionAt(text: string, nameStart: number, nameEnd: number, colon: number, valueStart: number, valueEnd: number, semi: number, errors: ParseError[]): RuleOption {
  const keywordText = text.slice(nameStart, nameEnd);
  const keyword: Token = { text: keywordText, range: { start: nameStart, end: nameEnd } };
  let value: Token | undefined;
  if (valueStart >= 0) {
    let s = valueStart;
    let e = valueEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) value = { text: text.slice(s, e), range: { start: s, end: e } };
  }
  const colonRange = colon >= 0 ? { start: colon, end: colon + 1 } : undefined;
  const terminator = semi >= 0 ? { start: semi, end: semi + 1 } : undefined;
  const name = keywordText.toLowerCase();
  const endOff = terminator ? terminator.end : value ? value.range.end : colonRange ? colonRange.end : nameEnd;
  const parser = value ? OPTION_VALUE_PARSERS[name] : undefined;
  const parsed = parser && value ? parser(value.text.includes('\\\n') || value.text.includes('\\\r') ? joinContinuations(value) : value) : undefined;
  if (parsed && parsed.errors.length) for (const e of parsed.errors) errors.push(e);
  return { range: { start: nameStart, end: endOff }, keyword, name, colon: colonRange, value, terminator, parsed };
}

/**
 * Options scanned straight from the text when they are all well formed (`name;` or `name:value;`,
 * the grammar's only shapes), with the same records the token path builds; undefined at the first
 * thing the grammar would not accept, which then goes through the lexer and the grammar for its
 * error messages. Token boundaries are exactly lexOptions's.
 */
function scanOptions(text: string, start: number, end: number, errors: ParseError[]): RuleOption[] | undefined {
  const options: RuleOption[] = [];
  const before = errors.length;
  let i = skipTrivia(text, start, end);
  while (i < end) {
    const nameStart = i;
    for (;;) {
      if (i >= end) break;
      const d = text.charCodeAt(i);
      if (d === 32 || d === 59 || d === 58 || (d >= 9 && d <= 13) || (d === 92 && continuationLength(text, i, end))) break;
      i++;
    }
    if (i === nameStart) return undefined; // `;` or `:` where a keyword belongs
    const nameEnd = i;
    i = skipTrivia(text, i, end);
    const c = text.charCodeAt(i);
    if (i >= end) return undefined;
    if (c === 59) {
      options.push(optionAt(text, nameStart, nameEnd, -1, -1, -1, i, errors));
      i = skipTrivia(text, i + 1, end);
      continue;
    }
    if (c !== 58) return undefined;
    const colon = i;
    // The value: up to the first `;` not preceded by `\`.
    let k = colon + 1;
    for (;;) {
      k = text.indexOf(';', k);
      if (k < 0 || k >= end) {
        errors.length = before;
        return undefined;
      }
      if (text.charCodeAt(k - 1) !== 92) break;
      k++;
    }
    options.push(optionAt(text, nameStart, nameEnd, colon, colon + 1, k, k, errors));
    i = skipTrivia(text, k + 1, end);
  }
  return options;
}

/** A value with `\`+newline continuations removed, as Suricata joins them (positions are approximate). */
function joinContinuations(value: Token): Token {
  return { text: value.text.replace(/\\[ \t]*(?:\r\n|\n|\r)/g, ''), range: value.range };
}

/**
 * `msg:"a;b";` ends the option at the `;` inside the quotes (Suricata ignores quotes when it looks for
 * the terminator). Report that once, with a fix that escapes the `;`, instead of a cascade of errors.
 */
function mergeUnterminatedQuotes(text: string, options: RuleOption[], errors: ParseError[]): RuleOption[] {
  const out: RuleOption[] = [];
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    const v = o.value?.text;
    if (!v || !o.terminator || !opensQuote(v)) {
      out.push(o);
      continue;
    }
    // Look for the option whose text closes the quote.
    let j = i + 1;
    while (j < options.length && !closesQuote(text.slice(options[j].keyword.range.start, options[j].value?.range.end ?? options[j].keyword.range.end))) j++;
    if (j >= options.length) {
      out.push(o);
      continue;
    }
    const semis: TextRange[] = [];
    for (let k = i; k < j; k++) if (options[k].terminator) semis.push(options[k].terminator!);
    // Drop the diagnostics the value parsers raised on the pieces; this error explains them.
    const from = o.range.start;
    const to = options[j].range.end;
    for (let e = errors.length - 1; e >= 0; e--) if (errors[e].range.start >= from && errors[e].range.end <= to) errors.splice(e, 1);
    errors.push({
      range: { start: o.value!.range.start, end: options[j].value?.range.end ?? options[j].keyword.range.end },
      message: `';' inside the quoted value of '${o.keyword.text}' ends the option: Suricata does not treat quotes specially when it looks for ';'`,
      expected: "'\\;' inside quoted values",
      hint: "escape the ';' as '\\;'",
      fix: Fix.safe("Escape ';' as '\\;'", semis.map((r) => Edit.replace(r, '\\;'))),
    });
    out.push({ ...o, range: { start: o.range.start, end: options[j].range.end }, terminator: options[j].terminator, parsed: undefined });
    i = j;
  }
  return out;
}

function opensQuote(v: string): boolean {
  const s = v.startsWith('!') ? v.slice(1).trimStart() : v;
  if (!s.startsWith('"')) return false;
  if (s.length < 2) return true;
  return !(s.endsWith('"') && !isEscaped(s, s.length - 1));
}

function closesQuote(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s[i] === '"' && !isEscaped(s, i)) return true;
  return false;
}

function isEscaped(s: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && s[i - 1 - n] === '\\') n++;
  return n % 2 === 1;
}
