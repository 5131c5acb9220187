import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Fix } from '../source/fix.js';
import { resolveLintOptions, type LintOptions } from '../linter/lint-options.js';
import type { LintRule, RuleContext } from '../linter/lint-rule.js';
import { lintFile, lintText } from '../linter/linter.js';
import { Reporter } from '../linter/report.js';
import { Suppressions } from '../linter/suppressions.js';
import { ALL_LINT_RULES } from '../rules/index.js';
import type { TextRange } from '../source/text-range.js';
import { buildStatement } from '../syntax/parse.js';
import { splitStatements, type StatementSpan } from '../syntax/split-statements.js';
import type { RulesFile, Statement } from '../syntax/tree.js';

/**
 * Lint rules whose findings on one statement depend on other statements without a `checkFile` hook:
 * they look ahead with `ctx.rulesMentioning` (tls-client-hello-gate: flowbits a blocking rule reads).
 * Every rule with `checkFile` is file-level too. A rule not listed here that calls `rulesMentioning`
 * is caught at run time (see `LocalRuleWatch`) and moved to the file-level set.
 */
const READS_OTHER_RULES: ReadonlySet<string> = new Set(['tls-client-hello-gate']);

/** One statement as last seen: its text (content and line terminator) and what is cached about it. */
interface Entry {
  /** `text.slice(range.start, eol.end)`: the cache key. */
  readonly source: string;
  /** The statement parsed at its place in the whole text; shifted in place when text before it changes length. */
  readonly statement: Statement;
  /** Every `{start, end}` object inside `statement`, for shifting. */
  readonly ranges: readonly TextRange[];
  /** Where the statement starts in the current text. */
  base: number;
  /**
   * Where `statement`'s offsets put it (its range.start): behind `base` until `materialize` shifts them. Updates
   * that only carry findings over never need the statements' absolute offsets, so they do not shift them.
   */
  parsedBase: number;
  /** Findings of the statement-local lint rules, in offsets relative to the statement's start. */
  readonly local: readonly Diagnostic[];
  /** A suppression comment: left out of the file-level pass (suppressions are applied once, over everything). */
  readonly directive: boolean;
  /**
   * Findings of the file-level rules that start in this statement, relative to its start, from the last
   * file-level pass; undefined for a statement that pass did not see (it was edited since).
   */
  fileLevel?: readonly Diagnostic[];
}

/** Every `{start, end}` offset pair reachable from a parsed statement (each once). */
function collectRanges(root: unknown): TextRange[] {
  const out: TextRange[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && !Object.isFrozen(o)) out.push(o as unknown as TextRange);
    for (const k in o) {
      const x = o[k];
      if (x !== null && typeof x === 'object') walk(x);
    }
  };
  walk(root);
  return out;
}

function shiftRange(r: TextRange, by: number): TextRange {
  return { start: r.start + by, end: r.end + by };
}

function shiftFix(f: Fix, by: number): Fix {
  return { ...f, edits: f.edits.map((e) => ({ range: shiftRange(e.range, by), text: e.text })) };
}

/** A diagnostic moved by `by` characters (relative <-> absolute offsets). */
function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  if (by === 0) return d;
  const out = { ...d, range: shiftRange(d.range, by), fix: d.fix && shiftFix(d.fix, by), suggestions: d.suggestions?.map((s) => shiftFix(s, by)) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, range: shiftRange(r.range, by) }));
  return out;
}

function copyDiagnostic(d: Diagnostic): Diagnostic {
  const copyFix = (f: Fix): Fix => ({ ...f, edits: f.edits.map((e) => ({ range: { ...e.range }, text: e.text })) });
  const out = { ...d, range: { ...d.range }, fix: d.fix && copyFix(d.fix), suggestions: d.suggestions?.map(copyFix) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, range: { ...r.range } }));
  return out;
}

/** Length of the common prefix and suffix of two texts (the suffix not overlapping the prefix). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  // Whole blocks first (a native comparison), then characters.
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (prefix + step <= max && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) prefix += step;
  }
  let suffix = 0;
  const maxSuffix = max - prefix;
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (suffix + step <= maxSuffix && a.slice(a.length - suffix - step, a.length - suffix) === b.slice(b.length - suffix - step, b.length - suffix)) suffix += step;
  }
  return { prefix, suffix };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Lints one `.rules` document again and again as it is edited, re-checking only what changed: the
 * diagnostics are those of `lintText(text, options)` (a property test holds it to that), computed as
 *  - statement-local lint rules (everything that looks at one statement): cached per statement text,
 *    so only the statements an edit touched are parsed and checked;
 *  - file-level lint rules (`checkFile`, and rules that look at other rules): run over the cached parsed
 *    statements (no re-parse; statements after an edit are shifted in place);
 *  - suppression comments: applied once over both, as the linter does.
 * Options changing (config edited) starts from scratch. Pure apart from its caches: no I/O.
 */
export class IncrementalRulesLinter {
  private text = '';
  private entries: Entry[] = [];
  private bom: TextRange | undefined;
  private lineEnding: RulesFile['lineEnding'] = 'none';
  private optionsKey = '';
  private options: LintOptions = {};
  private fileLevel: LintRule[] = [];
  private local: LintRule[] = [];
  /** Statement-local findings by statement text (identical rules share them). */
  private localCache = new Map<string, readonly Diagnostic[]>();
  /** How many statements the last update parsed (for tests and the benchmark). */
  lastParsed = 0;

  constructor(private readonly lintRules: readonly LintRule[] = ALL_LINT_RULES) {
    this.partition();
  }

  private partition(extraFileLevel: ReadonlySet<string> = new Set()): void {
    this.fileLevel = this.lintRules.filter((r) => r.checkFile || READS_OTHER_RULES.has(r.meta.id) || extraFileLevel.has(r.meta.id));
    this.local = this.lintRules.filter((r) => !this.fileLevel.includes(r)).map((r) => watchLocalRule(r, this.discovered));
  }

  /** Ids of rules found calling `rulesMentioning` while linted as statement-local. */
  private readonly discovered = new Set<string>();

  /** Whether the last `update` carried file-level findings over instead of computing them (see `update`). */
  fileLevelPending = false;

  /**
   * The diagnostics of `text`, reusing what the previous call computed. Never throws on user input.
   * With `fileLevel: 'carry'` the file-level (cross-rule) checks are not run: their findings from the last
   * run are kept on the statements an edit did not touch (moved with them), and `fileLevelPending` is set
   * until `update` runs them again (the language server publishes these at once, then the complete
   * findings when typing pauses). The default, `'run'`, gives exactly `lintText(text, options)`.
   */
  update(text: string, options: LintOptions = {}, fileLevel: 'run' | 'carry' = 'run'): Diagnostic[] {
    // The dialect can come from the whole text (firewall-mode rules): resolve it here, so every statement is
    // linted with the whole text's dialect, and start again when an edit changes it.
    const resolved = resolveLintOptions(options, text);
    const key = `${optionsKey(options)}|${resolved.dialect.name}`;
    let fresh = false;
    if (key !== this.optionsKey) {
      this.optionsKey = key;
      this.text = '';
      this.entries = [];
      this.localCache.clear();
      fresh = true;
    }
    // Only a text read in another dialect than its profile's carries the resolved options (classic texts: as given).
    this.options = resolved.dialectFromContent ? resolved : options;
    const before = this.discovered.size;
    this.reconcile(text);
    if (this.discovered.size !== before) {
      // A lint rule looked at other rules while checked as statement-local: move it and start again.
      this.partition(this.discovered);
      this.text = '';
      this.entries = [];
      this.localCache.clear();
      this.reconcile(text);
      fresh = true;
    }
    const run = fileLevel === 'run' || fresh || (this.fileLevelPending === false && this.entries.every((e) => e.fileLevel === undefined));
    this.fileLevelPending = !run;
    return this.diagnostics(run);
  }

  /** Brings `entries` in line with `text`: statements outside the edited region are kept (shifted), the rest parsed. */
  private reconcile(text: string): void {
    const old = this.text;
    const oldEntries = this.entries;
    if (oldEntries.length === 0 || old.length === 0) {
      this.openWith(text);
      return;
    }
    const { prefix, suffix } = commonEnds(old, text);
    if (prefix === old.length && prefix === text.length) {
      this.lastParsed = 0;
      return;
    }
    const delta = text.length - old.length;
    // Statements that end (terminator included) before the first changed character are unchanged: a statement
    // with a line terminator after it is complete (a trailing backslash would have joined the next line).
    let a = 0;
    while (a < oldEntries.length && endOf(oldEntries[a]) < prefix) a++;
    // Statements that start at or after the last changed character (old coordinates) are unchanged, moved by delta.
    let b = oldEntries.length;
    while (b > a && oldEntries[b - 1].base >= old.length - suffix) b--;
    // Re-split from the start of the first touched statement up to the start of the first kept one; while the
    // region's last statement could run on into the kept ones (no line terminator, or a trailing backslash), widen it.
    // (From 0 for the first statement: a byte order mark before it may have come or gone.)
    const from = a === 0 ? 0 : a < oldEntries.length ? oldEntries[a].base : old.length;
    let spans: StatementSpan[];
    for (;;) {
      const to = b < oldEntries.length ? oldEntries[b].base + delta : text.length;
      spans = splitRegion(text, from, to);
      const last = spans[spans.length - 1];
      const runsOn = to < text.length && (!last || last.eol.start === last.eol.end || endsWithBackslash(text, last));
      if (!runsOn || b >= oldEntries.length) break;
      b++;
    }
    const next: Entry[] = oldEntries.slice(0, a);
    for (const span of spans) next.push(this.entryFor(text, span));
    for (let i = b; i < oldEntries.length; i++) {
      const e = oldEntries[i];
      e.base += delta;
      next.push(e);
    }
    this.lastParsed = spans.length;
    this.entries = next;
    this.text = text;
    if (from === 0) this.bom = text.charCodeAt(0) === 0xfeff ? { start: 0, end: 1 } : undefined;
    // Statements typed and deleted again would pile up: keep the cache to what the text holds (and some).
    if (this.localCache.size > 2 * next.length + 1000) {
      const live = new Set(next.map((e) => e.source));
      for (const k of this.localCache.keys()) if (!live.has(k)) this.localCache.delete(k);
    }
  }

  /**
   * A text seen for the first time: split and parse every statement, and lint the statement-local rules in one
   * pass over the whole text (as fast as the CLI), handing each statement the findings that start in it.
   */
  private openWith(text: string): void {
    const split = splitStatements(text);
    this.bom = split.bom;
    this.lineEnding = split.lineEnding;
    this.localCache.clear();
    const spans = split.spans;
    const statements = spans.map((span) => buildStatement(text, span));
    // Without the suppression comments: each statement's own findings are cached unsuppressed (suppressions apply later, over everything).
    const sources = spans.map((span) => text.slice(span.range.start, span.eol.end));
    const file: RulesFile = { kind: 'rules-file', text, bom: split.bom, statements: statements.filter((s, i) => !isDirective(s, sources[i])), lineEnding: split.lineEnding };
    const findings = lintFile(file, this.options, this.local).filter((d) => d.ruleId !== 'unused-suppression');
    const entries: Entry[] = new Array(spans.length);
    let k = 0;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const end = i + 1 < spans.length ? spans[i + 1].range.start : Infinity;
      const mine: Diagnostic[] = [];
      while (k < findings.length && findings[k].range.start < end) mine.push(shiftDiagnostic(copyDiagnostic(findings[k++]), -span.range.start));
      const source = sources[i];
      if (!this.localCache.has(source)) this.localCache.set(source, mine);
      entries[i] = { source, statement: statements[i], ranges: collectRanges(statements[i]), base: span.range.start, parsedBase: span.range.start, local: mine, directive: isDirective(statements[i], source) };
    }
    this.entries = entries;
    this.text = text;
    this.lastParsed = entries.length;
  }

  private entryFor(text: string, span: StatementSpan): Entry {
    const source = text.slice(span.range.start, span.eol.end);
    const statement = buildStatement(text, span);
    let local = this.localCache.get(source);
    if (!local) {
      // A suppression comment on its own would only report itself as unused: suppressions are applied later, over everything.
      local = lintAlone(source, this.options, this.local);
      this.localCache.set(source, local);
    }
    return { source, statement, ranges: collectRanges(statement), base: span.range.start, parsedBase: span.range.start, local, directive: isDirective(statement, source) };
  }

  private diagnostics(runFileLevel: boolean): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const e of this.entries) for (const d of e.local) out.push(shiftDiagnostic(d, e.base));
    if (runFileLevel) {
      const found: Diagnostic[] = [];
      for (const e of this.entries) materialize(e);
      if (this.fileLevel.length) {
        const file: RulesFile = {
          kind: 'rules-file',
          text: this.text,
          bom: this.bom,
          statements: this.entries.filter((e) => !e.directive).map((e) => e.statement),
          lineEnding: this.lineEnding,
        };
        // Copies: file-level findings may hold the statements' own range objects, which later edits shift in place.
        for (const d of lintFile(file, this.options, this.fileLevel)) found.push(copyDiagnostic(d));
      }
      this.keepFileLevel(found);
      out.push(...found);
    } else {
      // An edited statement has no carried findings: the rules that check one rule with a look at others
      // (tls-client-hello-gate) check it on its own meanwhile, so the headline findings do not blink while typing.
      const perRule = this.fileLevel.filter((r) => !r.checkFile);
      for (const e of this.entries) {
        e.fileLevel ??= perRule.length ? lintAlone(e.source, this.options, perRule) : [];
        for (const d of e.fileLevel) out.push(shiftDiagnostic(d, e.base));
      }
    }
    const suppressions = new Suppressions(this.text);
    // Without a suppression comment there is nothing to apply (and no statement needs placing).
    if (this.entries.some((e) => e.directive)) for (const e of this.entries) suppressions.visit(placed(e));
    const kept = suppressions.apply(out, new Reporter(this.options));
    return kept.sort(byPosition);
  }

  /** Hands each statement the file-level findings that start in it (relative to its start), for `'carry'` updates. */
  private keepFileLevel(found: readonly Diagnostic[]): void {
    const sorted = [...found].sort(byPosition);
    let k = 0;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      const end = i + 1 < this.entries.length ? this.entries[i + 1].base : Infinity;
      const mine: Diagnostic[] = [];
      while (k < sorted.length && sorted[k].range.start < end) mine.push(shiftDiagnostic(sorted[k++], -e.base));
      e.fileLevel = mine;
    }
  }

  /** The parsed statements of the current text, in order (shared with the caches: do not modify). */
  statements(): readonly Statement[] {
    for (const e of this.entries) materialize(e);
    return this.entries.map((e) => e.statement);
  }
}

/**
 * The findings of `rules` on one statement's text linted on its own, relative to its start. Suppression comments
 * are applied later over everything, so a lone one's unused-suppression is dropped.
 */
function lintAlone(source: string, options: LintOptions, rules: readonly LintRule[]): Diagnostic[] {
  // A U+FEFF starting a statement after the first is text, not a byte order mark: keep it from reading as one.
  const lead = source.charCodeAt(0) === 0xfeff ? '\n' : '';
  return lintText(lead + source, options, rules)
    .filter((d) => d.ruleId !== 'unused-suppression')
    .map((d) => shiftDiagnostic(d, -lead.length));
}

function isDirective(s: Statement, source: string): boolean {
  return s.kind === 'comment' && source.includes('suricata-lint-');
}

/** The statements of `text[from, to)`, in offsets of `text` (the region starts at a statement boundary). */
function splitRegion(text: string, from: number, to: number): StatementSpan[] {
  if ((from === 0 && to === text.length) || (from > 0 && text.charCodeAt(from) === 0xfeff)) {
    // A U+FEFF at the region's start is a byte order mark only at the start of the text.
    return splitStatements(text).spans.filter((s) => s.range.start >= from && s.range.start < to);
  }
  const { spans } = splitStatements(text.slice(from, to));
  if (from === 0) return spans;
  const at = (r: TextRange): TextRange => ({ start: r.start + from, end: r.end + from });
  return spans.map((s) => ({ ...s, range: at(s.range), eol: at(s.eol), contentStart: s.contentStart + from, continuations: s.continuations.map(at) }));
}

/** The statement's last line ends in a backslash: Suricata would join the next line to it. */
function endsWithBackslash(text: string, span: StatementSpan): boolean {
  let t = span.range.end;
  while (t > span.range.start && [32, 9, 11, 12].includes(text.charCodeAt(t - 1))) t--;
  return t > span.range.start && text.charCodeAt(t - 1) === 92;
}

/** Shifts the entry's parsed statement to where it is now (in place: the statement is the entry's own). */
function materialize(e: Entry): void {
  const by = e.base - e.parsedBase;
  if (by === 0) return;
  for (const r of e.ranges) {
    (r as { start: number }).start += by;
    (r as { end: number }).end += by;
  }
  e.parsedBase = e.base;
}

/** End of the entry's statement (line terminator included) in the current text. */
function endOf(e: Entry): number {
  return e.statement.eol.end - e.parsedBase + e.base;
}

/**
 * What `Suppressions` reads of a statement (kind, range, line terminator, a comment's body), at its current place,
 * without shifting the parsed statement.
 */
function placed(e: Entry): Statement {
  const by = e.base - e.parsedBase;
  const s = e.statement;
  if (by === 0) return s;
  const at = (r: TextRange): TextRange => ({ start: r.start + by, end: r.end + by });
  if (s.kind === 'comment') return { kind: 'comment', range: at(s.range), eol: at(s.eol), body: at(s.body) };
  return { ...s, range: at(s.range), eol: at(s.eol) } as Statement;
}

function optionsKey(o: LintOptions): string {
  return JSON.stringify([o.profile, o.ruleOrder, o.suricataVersion, o.rules, o.variables ? [...o.variables].sort() : null, o.host]);
}

/** A statement-local lint rule that reports (to `discovered`) when it looks at other rules after all. */
function watchLocalRule(rule: LintRule, discovered: Set<string>): LintRule {
  if (!rule.checkRule) return rule;
  const check = rule.checkRule.bind(rule);
  const watched = new WeakMap<RuleContext, RuleContext>();
  return {
    meta: rule.meta,
    checkRule(statement, ctx, facts) {
      let w = watched.get(ctx);
      if (!w) {
        w = Object.create(ctx, {
          rulesMentioning: {
            value: (word: string) => {
              discovered.add(rule.meta.id);
              return ctx.rulesMentioning(word);
            },
          },
          // The run's cross-rule facts (flowbits, ...) come from other statements too.
          run: {
            get: () => {
              discovered.add(rule.meta.id);
              return ctx.run;
            },
          },
        }) as RuleContext;
        watched.set(ctx, w);
      }
      check(statement, w, facts);
    },
  };
}
